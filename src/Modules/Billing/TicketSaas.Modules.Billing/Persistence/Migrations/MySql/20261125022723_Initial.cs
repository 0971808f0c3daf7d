using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace TicketSaas.Modules.Billing.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "billing_audit_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    occurred_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    actor_user_id = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    guild_id = table.Column<ulong>(type: "bigint unsigned", nullable: true),
                    command = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    changes = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_audit_entry", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "billing_plan",
                columns: table => new
                {
                    key = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    name = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    monthly_price_cents = table.Column<int>(type: "int", nullable: false),
                    limits_tickets_per_month = table.Column<int>(type: "int", nullable: true),
                    limits_retention_days = table.Column<int>(type: "int", nullable: false),
                    limits_panels = table.Column<int>(type: "int", nullable: true),
                    limits_custom_bot = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    limits_custom_domain = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    limits_white_label = table.Column<bool>(type: "tinyint(1)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_plan", x => x.key);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
                name: "ix_billing_audit_entry_guild_id_occurred_at",
                table: "billing_audit_entry",
                columns: new[] { "guild_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_audit_entry");

            migrationBuilder.DropTable(
                name: "billing_plan");
        }
    }
}
