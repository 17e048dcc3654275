using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attachment_content_type",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachment_file_name",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachment_text",
                table: "outbox_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    duration_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    online_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    organiser_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organiser_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organiser_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    organiser_organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organiser_organisation_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    note_taker_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    note_taker_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    scheduled_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    calendar_sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    cancelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    record_status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    family_views = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    family_views_by_family = table.Column<bool>(type: "INTEGER", nullable: false),
                    family_views_written_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    child_views = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    decisions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    others_present = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    record_version_number = table.Column<int>(type: "INTEGER", nullable: false),
                    agreed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    agreed_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meetings_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meetings_organisations_organiser_organisation_id",
                        column: x => x.organiser_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "record_corrections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    part = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    part_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    what_should_change = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    version_number = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    answered_in_version = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_corrections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agenda_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    added_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    added_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    added_by_family = table.Column<bool>(type: "INTEGER", nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agenda_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_agenda_items_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    meeting_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    what_would_have_helped = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_feedback_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meeting_feedback_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_invitees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    is_family = table.Column<bool>(type: "INTEGER", nullable: false),
                    attended = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_invitees", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_invitees_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_record_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_record_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_record_versions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_meeting_id",
                table: "commitments",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_meeting_id",
                table: "agenda_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_feedback_meeting_id_user_account_id",
                table: "meeting_feedback",
                columns: new[] { "meeting_id", "user_account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_feedback_organisation_id_answered_at",
                table: "meeting_feedback",
                columns: new[] { "organisation_id", "answered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_meeting_id_user_account_id",
                table: "meeting_invitees",
                columns: new[] { "meeting_id", "user_account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_user_account_id",
                table: "meeting_invitees",
                column: "user_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_record_versions_meeting_id_number",
                table: "meeting_record_versions",
                columns: new[] { "meeting_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meetings_area_id",
                table: "meetings",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_child_id_starts_at",
                table: "meetings",
                columns: new[] { "child_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_organiser_organisation_id",
                table: "meetings",
                column: "organiser_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_record_corrections_meeting_id",
                table: "record_corrections",
                column: "meeting_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agenda_items");

            migrationBuilder.DropTable(
                name: "meeting_feedback");

            migrationBuilder.DropTable(
                name: "meeting_invitees");

            migrationBuilder.DropTable(
                name: "meeting_record_versions");

            migrationBuilder.DropTable(
                name: "record_corrections");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_commitments_meeting_id",
                table: "commitments");

            migrationBuilder.DropColumn(
                name: "attachment_content_type",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_file_name",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_text",
                table: "outbox_messages");
        }
    }
}
