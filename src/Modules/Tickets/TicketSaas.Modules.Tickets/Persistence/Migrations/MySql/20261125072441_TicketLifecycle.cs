using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Tickets.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    internal partial class TicketLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "tickets_ticket",
                type: "varchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "varchar(10)",
                oldMaxLength: 10)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "auto_close_at",
                table: "tickets_ticket",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<ulong>(
                name: "claimed_by",
                table: "tickets_ticket",
                type: "bigint unsigned",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "close_count",
                table: "tickets_ticket",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "close_reason",
                table: "tickets_ticket",
                type: "varchar(500)",
                maxLength: 500,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "close_request_reason",
                table: "tickets_ticket",
                type: "varchar(500)",
                maxLength: 500,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<ulong>(
                name: "close_requested_by",
                table: "tickets_ticket",
                type: "bigint unsigned",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "tickets_ticket",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<ulong>(
                name: "closed_by",
                table: "tickets_ticket",
                type: "bigint unsigned",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deleted_in_discord_at",
                table: "tickets_ticket",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "feedback_request_failure",
                table: "tickets_ticket",
                type: "varchar(300)",
                maxLength: 300,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_staff_response_at",
                table: "tickets_ticket",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "former_thread_ids",
                table: "tickets_ticket",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "inactivity_warned_at",
                table: "tickets_ticket",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "inactivity_warning_at",
                table: "tickets_ticket",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_activity_at",
                table: "tickets_ticket",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<ulong>(
                name: "moving_from_thread_id",
                table: "tickets_ticket",
                type: "bigint unsigned",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opener_name",
                table: "tickets_ticket",
                type: "varchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rated_at",
                table: "tickets_ticket",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rating",
                table: "tickets_ticket",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "staff_participant_ids",
                table: "tickets_ticket",
                type: "varchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<bool>(
                name: "timer_disabled",
                table: "tickets_ticket",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "timer_disabled_reason",
                table: "tickets_ticket",
                type: "varchar(500)",
                maxLength: 500,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "tickets_ticket_chore",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    ticket_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    work = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    last_error = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    gave_up_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "tickets_ticket",
                type: "varchar(10)",
                maxLength: 10,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "varchar(20)",
                oldMaxLength: 20)
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");
        }
    }
}
