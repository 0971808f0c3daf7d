using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Plugins.Webhooks.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "webhooks_data_protection_key",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks_data_protection_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhooks_inbox_message",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consumer = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks_inbox_message", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "webhooks_outbox_delivery",
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
                    table.PrimaryKey("pk_webhooks_outbox_delivery", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhooks_outbox_message",
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
                    table.PrimaryKey("pk_webhooks_outbox_message", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "webhooks_webhook_delivery",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks_webhook_delivery", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhooks_webhook_endpoint",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    protected_secret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    events = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks_webhook_endpoint", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_outbox_delivery_delivered_at_dead_at_next_attempt_at",
                table: "webhooks_outbox_delivery",
                columns: new[] { "delivered_at", "dead_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_outbox_delivery_message_id_consumer",
                table: "webhooks_outbox_delivery",
                columns: new[] { "message_id", "consumer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_outbox_message_id",
                table: "webhooks_outbox_message",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_webhook_delivery_event_id_endpoint_id",
                table: "webhooks_webhook_delivery",
                columns: new[] { "event_id", "endpoint_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_webhook_delivery_guild_id_id",
                table: "webhooks_webhook_delivery",
                columns: new[] { "guild_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_webhook_delivery_status_next_attempt_at",
                table: "webhooks_webhook_delivery",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_webhook_endpoint_guild_id",
                table: "webhooks_webhook_endpoint",
                column: "guild_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "webhooks_data_protection_key");

            migrationBuilder.DropTable(
                name: "webhooks_inbox_message");

            migrationBuilder.DropTable(
                name: "webhooks_outbox_delivery");

            migrationBuilder.DropTable(
                name: "webhooks_outbox_message");

            migrationBuilder.DropTable(
                name: "webhooks_webhook_delivery");

            migrationBuilder.DropTable(
                name: "webhooks_webhook_endpoint");
        }
    }
}
