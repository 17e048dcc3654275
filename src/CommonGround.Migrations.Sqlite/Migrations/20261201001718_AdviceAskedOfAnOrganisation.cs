using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdviceAskedOfAnOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "adviser_user_id",
                table: "AdviceRequests",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "adviser_organisation_id",
                table: "AdviceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "given_by_name",
                table: "AdviceRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "given_by_user_id",
                table: "AdviceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "of_organisation",
                table: "AdviceRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_advice_requests_adviser_organisation_id_status",
                table: "AdviceRequests",
                columns: new[] { "adviser_organisation_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_advice_requests_adviser_organisation_id_status",
                table: "AdviceRequests");

            migrationBuilder.DropColumn(
                name: "adviser_organisation_id",
                table: "AdviceRequests");

            migrationBuilder.DropColumn(
                name: "given_by_name",
                table: "AdviceRequests");

            migrationBuilder.DropColumn(
                name: "given_by_user_id",
                table: "AdviceRequests");

            migrationBuilder.DropColumn(
                name: "of_organisation",
                table: "AdviceRequests");

            migrationBuilder.AlterColumn<Guid>(
                name: "adviser_user_id",
                table: "AdviceRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
