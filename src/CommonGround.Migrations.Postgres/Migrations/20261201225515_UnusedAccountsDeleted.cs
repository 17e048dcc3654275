using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UnusedAccountsDeleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "deleted_at",
                table: "user_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "deletion_warning_id",
                table: "user_accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_signed_in_at",
                table: "user_accounts",
                type: "timestamp with time zone",
                nullable: true);

            // An account's last sign-in, as far as the log knows it, so an account in use is never taken for unused.
            migrationBuilder.Sql("""
                UPDATE user_accounts SET last_signed_in_at =
                    (SELECT MAX(a.occurred_at) FROM audit_events a WHERE a.actor_user_id = user_accounts.id AND a.action = 'account.signed-in')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "user_accounts");

            migrationBuilder.DropColumn(
                name: "deletion_warning_id",
                table: "user_accounts");

            migrationBuilder.DropColumn(
                name: "last_signed_in_at",
                table: "user_accounts");
        }
    }
}
