using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChildrenIWorkWithReadInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_professional_id_left_at",
                table: "team_members");

            migrationBuilder.AddColumn<DateOnly>(
                name: "child_date_of_birth",
                table: "team_members",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "child_first_name",
                table: "team_members",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "child_last_name",
                table: "team_members",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Every place already there keeps its child's names and date of birth, as a place added from now on does.
            migrationBuilder.Sql(
                """
                UPDATE team_members SET
                    child_last_name = (SELECT c.last_name FROM children AS c WHERE c.id = team_members.child_id),
                    child_first_name = (SELECT c.first_name FROM children AS c WHERE c.id = team_members.child_id),
                    child_date_of_birth = (SELECT c.date_of_birth FROM children AS c WHERE c.id = team_members.child_id);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at_child_date_of_birth_ch",
                table: "team_members",
                columns: new[] { "professional_id", "left_at", "child_date_of_birth", "child_last_name" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at_child_last_name_child_",
                table: "team_members",
                columns: new[] { "professional_id", "left_at", "child_last_name", "child_first_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_professional_id_left_at_child_date_of_birth_ch",
                table: "team_members");

            migrationBuilder.DropIndex(
                name: "ix_team_members_professional_id_left_at_child_last_name_child_",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "child_date_of_birth",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "child_first_name",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "child_last_name",
                table: "team_members");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at",
                table: "team_members",
                columns: new[] { "professional_id", "left_at" });
        }
    }
}
