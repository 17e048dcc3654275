using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WhatIOweReadInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_commitments_owner_professional_id_status",
                table: "commitments");

            migrationBuilder.AddColumn<string>(
                name: "child_sort_name",
                table: "commitments",
                type: "character varying(201)",
                maxLength: 201,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "owed_order",
                table: "commitments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "owed_order_holds_until",
                table: "commitments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "ix_commitments_owed_order_holds_until",
                table: "commitments",
                column: "owed_order_holds_until");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_owner_professional_id_owed_order_child_sort_nam",
                table: "commitments",
                columns: new[] { "owner_professional_id", "owed_order", "child_sort_name", "created_at", "id", "status", "owed_order_holds_until", "child_id", "record_area" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_commitments_owed_order_holds_until",
                table: "commitments");

            migrationBuilder.DropIndex(
                name: "ix_commitments_owner_professional_id_owed_order_child_sort_nam",
                table: "commitments");

            migrationBuilder.DropColumn(
                name: "child_sort_name",
                table: "commitments");

            migrationBuilder.DropColumn(
                name: "owed_order",
                table: "commitments");

            migrationBuilder.DropColumn(
                name: "owed_order_holds_until",
                table: "commitments");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_owner_professional_id_status",
                table: "commitments",
                columns: new[] { "owner_professional_id", "status" });
        }
    }
}
