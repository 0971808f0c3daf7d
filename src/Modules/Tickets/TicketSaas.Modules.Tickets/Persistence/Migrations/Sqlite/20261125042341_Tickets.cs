using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Tickets.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Tickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tickets_ticket",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opener_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    parent_channel_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    thread_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    thread_id = table.Column<ulong>(type: "INTEGER", nullable: true),
                    answers = table.Column<string>(type: "TEXT", nullable: false),
                    form_nonce = table.Column<ulong>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_ticket", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tickets_ticket_opening",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    interaction_token = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_ticket_opening", x => x.ticket_id);
                    table.ForeignKey(
                        name: "fk_tickets_ticket_opening_tickets_ticket_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets_ticket",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_guild_id_form_nonce",
                table: "tickets_ticket",
                columns: new[] { "guild_id", "form_nonce" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_guild_id_number",
                table: "tickets_ticket",
                columns: new[] { "guild_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_guild_id_opener_id_category_id_status",
                table: "tickets_ticket",
                columns: new[] { "guild_id", "opener_id", "category_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_thread_id",
                table: "tickets_ticket",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_opening_next_attempt_at",
                table: "tickets_ticket_opening",
                column: "next_attempt_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tickets_ticket_opening");

            migrationBuilder.DropTable(
                name: "tickets_ticket");
        }
    }
}
