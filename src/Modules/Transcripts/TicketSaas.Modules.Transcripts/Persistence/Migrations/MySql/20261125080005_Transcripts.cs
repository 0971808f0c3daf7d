using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Transcripts.Persistence.Migrations.MySql
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
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "transcripts_erasure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    guild_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    user_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    requested_by = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    transcripts_rewritten = table.Column<int>(type: "int", nullable: false),
                    messages_erased = table.Column<int>(type: "int", nullable: false),
                    files_deleted = table.Column<int>(type: "int", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts_erasure", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "transcripts_transcript",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    guild_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    ticket_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ticket_number = table.Column<int>(type: "int", nullable: false),
                    close_sequence = table.Column<int>(type: "int", nullable: false),
                    public_id = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    category_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    category_name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    opener_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    claimed_by = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    staff_participant_ids = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    staff_role_ids = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    closed_by = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    close_reason = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    opened_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    message_count = table.Column<int>(type: "int", nullable: false),
                    rating = table.Column<int>(type: "int", nullable: true),
                    document_file = table.Column<string>(type: "varchar(300)", maxLength: 300, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    search_text = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    content_missing = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    direct_message_failure = table.Column<string>(type: "varchar(300)", maxLength: 300, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    created_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts_transcript", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "transcripts_stored_file",
                columns: table => new
                {
                    key = table.Column<string>(type: "varchar(300)", maxLength: 300, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    transcript_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    file_name = table.Column<string>(type: "varchar(260)", maxLength: 260, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    content_type = table.Column<string>(type: "varchar(150)", maxLength: 150, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    owner_id = table.Column<ulong>(type: "bigint unsigned", nullable: true)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "transcripts_view_token",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    transcript_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    user_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
