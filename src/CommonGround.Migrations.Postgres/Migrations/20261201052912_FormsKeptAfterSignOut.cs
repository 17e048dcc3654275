using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FormsKeptAfterSignOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kept_forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    protected_fields = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    kept_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kept_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kept_forms", x => x.id);
                    table.ForeignKey(
                        name: "fk_kept_forms_user_accounts_user_account_id",
                        column: x => x.user_account_id,
                        principalTable: "user_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kept_forms_kept_until",
                table: "kept_forms",
                column: "kept_until");

            migrationBuilder.CreateIndex(
                name: "ix_kept_forms_user_account_id_path",
                table: "kept_forms",
                columns: new[] { "user_account_id", "path" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kept_forms");
        }
    }
}
