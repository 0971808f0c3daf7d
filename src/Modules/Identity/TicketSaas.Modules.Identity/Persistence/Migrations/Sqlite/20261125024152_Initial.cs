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
                name: "identity_audit_log_entry",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    command = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_user_id = table.Column<ulong>(type: "INTEGER", nullable: true),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: true),
                    changes = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_audit_log_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_inbox_message",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consumer = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_inbox_message", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "identity_outbox_delivery",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consumer = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    dead_at = table.Column<long>(type: "INTEGER", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_outbox_delivery", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_outbox_message",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_outbox_message", x => x.sequence);
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
                name: "ix_identity_audit_log_entry_event_id",
                table: "identity_audit_log_entry",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_audit_log_entry_guild_id_id",
                table: "identity_audit_log_entry",
                columns: new[] { "guild_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_outbox_delivery_delivered_at_dead_at_next_attempt_at",
                table: "identity_outbox_delivery",
                columns: new[] { "delivered_at", "dead_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_outbox_delivery_message_id_consumer",
                table: "identity_outbox_delivery",
                columns: new[] { "message_id", "consumer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_outbox_message_id",
                table: "identity_outbox_message",
                column: "id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_audit_log_entry");

            migrationBuilder.DropTable(
                name: "identity_inbox_message");

            migrationBuilder.DropTable(
                name: "identity_outbox_delivery");

            migrationBuilder.DropTable(
                name: "identity_outbox_message");

            migrationBuilder.DropTable(
                name: "identity_platform_admin");
        }
    }
}
