using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Tickets.Persistence.Migrations.MySql
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
                    id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    guild_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    number = table.Column<int>(type: "int", nullable: false),
                    category_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    opener_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    status = table.Column<string>(type: "varchar(10)", maxLength: 10, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    parent_channel_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    thread_name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    thread_id = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    answers = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    form_nonce = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_ticket", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "tickets_ticket_opening",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    application_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    interaction_token = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    language = table.Column<string>(type: "varchar(8)", maxLength: 8, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    last_error = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    created_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
