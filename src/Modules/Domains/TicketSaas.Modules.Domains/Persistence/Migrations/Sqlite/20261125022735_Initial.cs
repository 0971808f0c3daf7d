using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Domains.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "domains_audit_entry",
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
                    table.PrimaryKey("pk_domains_audit_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "domains_custom_domain",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    host = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    verification_token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_domains_custom_domain", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_domains_audit_entry_guild_id_occurred_at",
                table: "domains_audit_entry",
                columns: new[] { "guild_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_domains_custom_domain_guild_id",
                table: "domains_custom_domain",
                column: "guild_id");

            migrationBuilder.CreateIndex(
                name: "ix_domains_custom_domain_host",
                table: "domains_custom_domain",
                column: "host",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domains_audit_entry");

            migrationBuilder.DropTable(
                name: "domains_custom_domain");
        }
    }
}
