using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Transcripts.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "transcripts_audit_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    occurred_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    actor_user_id = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    guild_id = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    command = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    changes = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts_audit_entry", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "transcripts_viewer_settings",
                columns: table => new
                {
                    guild_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    public_links_enabled = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts_viewer_settings", x => x.guild_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_audit_entry_guild_id_occurred_at",
                table: "transcripts_audit_entry",
                columns: new[] { "guild_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transcripts_audit_entry");

            migrationBuilder.DropTable(
                name: "transcripts_viewer_settings");
        }
    }
}
