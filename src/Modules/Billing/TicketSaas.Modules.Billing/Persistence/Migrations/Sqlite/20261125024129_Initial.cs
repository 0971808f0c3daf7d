using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace TicketSaas.Modules.Billing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_inbox_message",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consumer = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_inbox_message", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "billing_outbox_delivery",
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
                    table.PrimaryKey("pk_billing_outbox_delivery", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_outbox_message",
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
                    table.PrimaryKey("pk_billing_outbox_message", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "billing_plan",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    monthly_price_cents = table.Column<int>(type: "INTEGER", nullable: false),
                    limits_tickets_per_month = table.Column<int>(type: "INTEGER", nullable: true),
                    limits_retention_days = table.Column<int>(type: "INTEGER", nullable: false),
                    limits_panels = table.Column<int>(type: "INTEGER", nullable: true),
                    limits_custom_bot = table.Column<bool>(type: "INTEGER", nullable: false),
                    limits_custom_domain = table.Column<bool>(type: "INTEGER", nullable: false),
                    limits_white_label = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_plan", x => x.key);
                });

            migrationBuilder.InsertData(
                table: "billing_plan",
                columns: new[] { "key", "monthly_price_cents", "name", "limits_custom_bot", "limits_custom_domain", "limits_panels", "limits_retention_days", "limits_tickets_per_month", "limits_white_label" },
                values: new object[,]
                {
                    { "enterprise", 4900, "Enterprise", true, true, null, 365, null, true },
                    { "free", 0, "Free", false, false, 1, 7, 50, false },
                    { "pro", 900, "Pro", true, false, 10, 30, 500, false }
                });

            migrationBuilder.CreateIndex(
                name: "ix_billing_outbox_delivery_delivered_at_dead_at_next_attempt_at",
                table: "billing_outbox_delivery",
                columns: new[] { "delivered_at", "dead_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_outbox_delivery_message_id_consumer",
                table: "billing_outbox_delivery",
                columns: new[] { "message_id", "consumer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_outbox_message_id",
                table: "billing_outbox_message",
                column: "id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_inbox_message");

            migrationBuilder.DropTable(
                name: "billing_outbox_delivery");

            migrationBuilder.DropTable(
                name: "billing_outbox_message");

            migrationBuilder.DropTable(
                name: "billing_plan");
        }
    }
}
