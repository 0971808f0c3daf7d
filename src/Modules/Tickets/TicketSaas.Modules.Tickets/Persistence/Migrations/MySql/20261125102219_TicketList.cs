using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Tickets.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    internal partial class TicketList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_guild_id_category_id_created_at_id",
                table: "tickets_ticket",
                columns: new[] { "guild_id", "category_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_guild_id_claimed_by_created_at_id",
                table: "tickets_ticket",
                columns: new[] { "guild_id", "claimed_by", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_guild_id_created_at_id",
                table: "tickets_ticket",
                columns: new[] { "guild_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_guild_id_opener_id_created_at_id",
                table: "tickets_ticket",
                columns: new[] { "guild_id", "opener_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_guild_id_status_created_at_id",
                table: "tickets_ticket",
                columns: new[] { "guild_id", "status", "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_ticket_guild_id_category_id_created_at_id",
                table: "tickets_ticket");

            migrationBuilder.DropIndex(
                name: "ix_tickets_ticket_guild_id_claimed_by_created_at_id",
                table: "tickets_ticket");

            migrationBuilder.DropIndex(
                name: "ix_tickets_ticket_guild_id_created_at_id",
                table: "tickets_ticket");

            migrationBuilder.DropIndex(
                name: "ix_tickets_ticket_guild_id_opener_id_created_at_id",
                table: "tickets_ticket");

            migrationBuilder.DropIndex(
                name: "ix_tickets_ticket_guild_id_status_created_at_id",
                table: "tickets_ticket");
        }
    }
}
