using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FamilyInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "organisation_id",
                table: "invitations",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<string>(
                name: "job_title",
                table: "invitations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<Guid>(
                name: "child_id",
                table: "invitations",
                type: "uuid",
                nullable: true);

            // Every invitation before this change was to join an organisation's staff.
            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "invitations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Staff");

            migrationBuilder.AddColumn<string>(
                name: "relationship",
                table: "invitations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_child_id",
                table: "invitations",
                column: "child_id");

            migrationBuilder.AddForeignKey(
                name: "fk_invitations_children_child_id",
                table: "invitations",
                column: "child_id",
                principalTable: "children",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_invitations_children_child_id",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ix_invitations_child_id",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "child_id",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "relationship",
                table: "invitations");

            migrationBuilder.AlterColumn<Guid>(
                name: "organisation_id",
                table: "invitations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "job_title",
                table: "invitations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);
        }
    }
}
