using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Tickets.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tickets_audit_entry",
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
                    table.PrimaryKey("pk_tickets_audit_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tickets_ticket_guild",
                columns: table => new
                {
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_ticket_guild", x => x.guild_id);
                });

            migrationBuilder.CreateTable(
                name: "tickets_category",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    naming_scheme = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_category", x => x.id);
                    table.ForeignKey(
                        name: "fk_tickets_category_tickets_ticket_guild_guild_id",
                        column: x => x.guild_id,
                        principalTable: "tickets_ticket_guild",
                        principalColumn: "guild_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_audit_entry_guild_id_occurred_at",
                table: "tickets_audit_entry",
                columns: new[] { "guild_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_category_guild_id",
                table: "tickets_category",
                column: "guild_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tickets_audit_entry");

            migrationBuilder.DropTable(
                name: "tickets_category");

            migrationBuilder.DropTable(
                name: "tickets_ticket_guild");
        }
    }
}
