using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Tickets.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "developer_user_ids",
                table: "tickets_ticket_guild",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "tickets_ticket_guild",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<int>(
                name: "auto_close_after_hours",
                table: "tickets_category",
                type: "INTEGER",
                nullable: true,
                defaultValue: 72);

            migrationBuilder.AddColumn<string>(
                name: "bypass_role_ids",
                table: "tickets_category",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "cooldown_seconds",
                table: "tickets_category",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "form_questions",
                table: "tickets_category",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<ulong>(
                name: "log_channel_id",
                table: "tickets_category",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "open_ticket_limit",
                table: "tickets_category",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<ulong>(
                name: "parent_channel_id",
                table: "tickets_category",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "staff_role_ids",
                table: "tickets_category",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "updated_at",
                table: "tickets_category",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "warning_before_close_hours",
                table: "tickets_category",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12);

            // Categories that predate these columns were last changed when created and have an empty form.
            migrationBuilder.Sql("UPDATE tickets_category SET updated_at = created_at, form_questions = '[]'");

            migrationBuilder.CreateTable(
                name: "tickets_blocklist_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    target_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_by = table.Column<ulong>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets_blocklist_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tickets_panel",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    channel_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    style = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    category_ids = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    message_id = table.Column<ulong>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                });

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
