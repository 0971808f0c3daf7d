using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSaas.Modules.Identity.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class LoginsSessionsAndBotPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_bot_guild",
                columns: table => new
                {
                    guild_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    present = table.Column<bool>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_bot_guild", x => x.guild_id);
                });

            migrationBuilder.CreateTable(
                name: "identity_guild_membership",
                columns: table => new
                {
                    user_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    guild_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    guild_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    manages = table.Column<bool>(type: "INTEGER", nullable: false),
                    role_ids = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_guild_membership", x => new { x.user_id, x.guild_id });
                });

            migrationBuilder.CreateTable(
                name: "identity_session",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    antiforgery_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<ulong>(type: "INTEGER", nullable: false),
                    protected_access_token = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    refreshed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_session", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_user",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    username = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    avatar = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    first_login_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_login_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_user", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_audit_log_entry_actor_user_id_id",
                table: "identity_audit_log_entry",
                columns: new[] { "actor_user_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_audit_log_entry_guild_id_occurred_at",
                table: "identity_audit_log_entry",
                columns: new[] { "guild_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_session_token_hash",
                table: "identity_session",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_session_user_id_expires_at",
                table: "identity_session",
                columns: new[] { "user_id", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_bot_guild");

            migrationBuilder.DropTable(
                name: "identity_guild_membership");

            migrationBuilder.DropTable(
                name: "identity_session");

            migrationBuilder.DropTable(
                name: "identity_user");

            migrationBuilder.DropIndex(
                name: "ix_identity_audit_log_entry_actor_user_id_id",
                table: "identity_audit_log_entry");

            migrationBuilder.DropIndex(
                name: "ix_identity_audit_log_entry_guild_id_occurred_at",
                table: "identity_audit_log_entry");
        }
    }
}
