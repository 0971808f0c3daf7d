using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Tickets.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class TicketLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "auto_close_at",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<ulong>(
                name: "claimed_by",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "close_count",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "close_reason",
                table: "tickets_ticket",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "close_request_reason",
                table: "tickets_ticket",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<ulong>(
                name: "close_requested_by",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "closed_at",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<ulong>(
                name: "closed_by",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "deleted_in_discord_at",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "feedback_request_failure",
                table: "tickets_ticket",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "first_staff_response_at",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "former_thread_ids",
                table: "tickets_ticket",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "inactivity_warned_at",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "inactivity_warning_at",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "last_activity_at",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<ulong>(
                name: "moving_from_thread_id",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opener_name",
                table: "tickets_ticket",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "rated_at",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rating",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "staff_participant_ids",
                table: "tickets_ticket",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "timer_disabled",
                table: "tickets_ticket",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "timer_disabled_reason",
                table: "tickets_ticket",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tickets_ticket_chore",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    work = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gave_up_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_ticket_chore", x => x.id);
                    table.ForeignKey(
                        name: "fk_tickets_ticket_chore_tickets_ticket_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets_ticket",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_status_inactivity_warning_at",
                table: "tickets_ticket",
                columns: new[] { "status", "inactivity_warning_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_chore_next_attempt_at",
                table: "tickets_ticket_chore",
                column: "next_attempt_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_ticket_chore_ticket_id_id",
                table: "tickets_ticket_chore",
                columns: new[] { "ticket_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tickets_ticket_chore");

            migrationBuilder.DropIndex(
                name: "ix_tickets_ticket_status_inactivity_warning_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "auto_close_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "claimed_by",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "close_count",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "close_reason",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "close_request_reason",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "close_requested_by",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "closed_by",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "deleted_in_discord_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "feedback_request_failure",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "first_staff_response_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "former_thread_ids",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "inactivity_warned_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "inactivity_warning_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "moving_from_thread_id",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "opener_name",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "rated_at",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "rating",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "staff_participant_ids",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "timer_disabled",
                table: "tickets_ticket");

            migrationBuilder.DropColumn(
                name: "timer_disabled_reason",
                table: "tickets_ticket");
        }
    }
}
