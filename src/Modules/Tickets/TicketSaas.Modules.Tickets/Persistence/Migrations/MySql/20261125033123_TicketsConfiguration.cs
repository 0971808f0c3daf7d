using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Tickets.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    internal partial class TicketsConfiguration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "dev_mode",
                table: "tickets_ticket_guild",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "developer_user_ids",
                table: "tickets_ticket_guild",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "tickets_ticket_guild",
                type: "varchar(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "en")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "auto_close_after_hours",
                table: "tickets_category",
                type: "int",
                nullable: true,
                defaultValue: 72);

            migrationBuilder.AddColumn<string>(
                name: "bypass_role_ids",
                table: "tickets_category",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "cooldown_seconds",
                table: "tickets_category",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "form_questions",
                table: "tickets_category",
                type: "longtext",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<ulong>(
                name: "log_channel_id",
                table: "tickets_category",
                type: "bigint unsigned",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "open_ticket_limit",
                table: "tickets_category",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<ulong>(
                name: "parent_channel_id",
                table: "tickets_category",
                type: "bigint unsigned",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "staff_role_ids",
                table: "tickets_category",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "tickets_category",
                type: "datetime(6)",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "warning_before_close_hours",
                table: "tickets_category",
                type: "int",
                nullable: false,
                defaultValue: 12);

            // Categories that predate these columns were last changed when created and have an empty form.
            migrationBuilder.Sql("UPDATE tickets_category SET updated_at = created_at, form_questions = '[]'");

            migrationBuilder.CreateTable(
                name: "tickets_blocklist_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    guild_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    target = table.Column<string>(type: "varchar(10)", maxLength: 10, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    target_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    reason = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    expires_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    created_by = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_blocklist_entry", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "tickets_panel",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    guild_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    channel_id = table.Column<ulong>(type: "bigint unsigned", nullable: false),
                    title = table.Column<string>(type: "varchar(256)", maxLength: 256, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    description = table.Column<string>(type: "varchar(4000)", maxLength: 4000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    style = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    category_ids = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    message_id = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_panel", x => x.id);
                    table.ForeignKey(
                        name: "fk_tickets_panel_tickets_ticket_guild_guild_id",
                        column: x => x.guild_id,
                        principalTable: "tickets_ticket_guild",
                        principalColumn: "guild_id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_blocklist_entry_guild_id_target_target_id",
                table: "tickets_blocklist_entry",
                columns: new[] { "guild_id", "target", "target_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_panel_guild_id",
                table: "tickets_panel",
                column: "guild_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tickets_blocklist_entry");

            migrationBuilder.DropTable(
                name: "tickets_panel");

            migrationBuilder.DropColumn(
                name: "dev_mode",
                table: "tickets_ticket_guild");

            migrationBuilder.DropColumn(
                name: "developer_user_ids",
                table: "tickets_ticket_guild");

            migrationBuilder.DropColumn(
                name: "language",
                table: "tickets_ticket_guild");

            migrationBuilder.DropColumn(
                name: "auto_close_after_hours",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "bypass_role_ids",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "cooldown_seconds",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "form_questions",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "log_channel_id",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "open_ticket_limit",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "parent_channel_id",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "staff_role_ids",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "tickets_category");

            migrationBuilder.DropColumn(
                name: "warning_before_close_hours",
                table: "tickets_category");
        }
    }
}
