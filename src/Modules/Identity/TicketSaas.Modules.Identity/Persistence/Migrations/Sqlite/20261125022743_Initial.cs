using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Identity.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_audit_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_user_id = table.Column<ulong>(type: "INTEGER", nullable: true),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: true),
                    command = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_audit_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_platform_admin",
                columns: table => new
                {
                    user_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    granted_by = table.Column<ulong>(type: "INTEGER", nullable: true),
                    granted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_platform_admin", x => x.user_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_audit_entry_guild_id_occurred_at",
                table: "identity_audit_entry",
                columns: new[] { "guild_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_audit_entry");

            migrationBuilder.DropTable(
                name: "identity_platform_admin");
        }
    }
}
