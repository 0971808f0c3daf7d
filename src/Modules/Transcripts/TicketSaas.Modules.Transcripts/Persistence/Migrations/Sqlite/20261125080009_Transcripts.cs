using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Transcripts.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Transcripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "retention_days",
                table: "transcripts_viewer_settings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "transcripts_erasure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    user_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<ulong>(type: "INTEGER", nullable: true),
                    transcripts_rewritten = table.Column<int>(type: "INTEGER", nullable: false),
                    messages_erased = table.Column<int>(type: "INTEGER", nullable: false),
                    files_deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts_erasure", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transcripts_transcript",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ticket_number = table.Column<int>(type: "INTEGER", nullable: false),
                    close_sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    public_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    opener_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    claimed_by = table.Column<ulong>(type: "INTEGER", nullable: true),
                    staff_participant_ids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    staff_role_ids = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    closed_by = table.Column<ulong>(type: "INTEGER", nullable: true),
                    close_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    message_count = table.Column<int>(type: "INTEGER", nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: true),
                    document_file = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    search_text = table.Column<string>(type: "TEXT", nullable: false),
                    content_missing = table.Column<bool>(type: "INTEGER", nullable: false),
                    direct_message_failure = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts_transcript", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transcripts_stored_file",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    transcript_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    owner_id = table.Column<ulong>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts_stored_file", x => x.key);
                    table.ForeignKey(
                        name: "fk_transcripts_stored_file_transcripts_transcript_transcript_id",
                        column: x => x.transcript_id,
                        principalTable: "transcripts_transcript",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transcripts_view_token",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    transcript_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts_view_token", x => x.token_hash);
                    table.ForeignKey(
                        name: "fk_transcripts_view_token_transcripts_transcript_transcript_id",
                        column: x => x.transcript_id,
                        principalTable: "transcripts_transcript",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_erasure_guild_id_user_id",
                table: "transcripts_erasure",
                columns: new[] { "guild_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_stored_file_transcript_id_owner_id",
                table: "transcripts_stored_file",
                columns: new[] { "transcript_id", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_transcript_guild_id_category_id_closed_at_id",
                table: "transcripts_transcript",
                columns: new[] { "guild_id", "category_id", "closed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_transcript_guild_id_closed_at_id",
                table: "transcripts_transcript",
                columns: new[] { "guild_id", "closed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_transcript_guild_id_opener_id_closed_at_id",
                table: "transcripts_transcript",
                columns: new[] { "guild_id", "opener_id", "closed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_transcript_guild_id_rating_closed_at_id",
                table: "transcripts_transcript",
                columns: new[] { "guild_id", "rating", "closed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_transcript_public_id",
                table: "transcripts_transcript",
                column: "public_id");

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_transcript_ticket_id_close_sequence",
                table: "transcripts_transcript",
                columns: new[] { "ticket_id", "close_sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_view_token_expires_at",
                table: "transcripts_view_token",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_view_token_transcript_id",
                table: "transcripts_view_token",
                column: "transcript_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transcripts_erasure");

            migrationBuilder.DropTable(
                name: "transcripts_stored_file");

            migrationBuilder.DropTable(
                name: "transcripts_view_token");

            migrationBuilder.DropTable(
                name: "transcripts_transcript");

            migrationBuilder.DropColumn(
                name: "retention_days",
                table: "transcripts_viewer_settings");
        }
    }
}
