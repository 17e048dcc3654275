using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConcernsAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "concerns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    about = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    what_is_happening = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    what_would_help = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    urgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    raised_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    raised_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    raised_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_by_family = table.Column<bool>(type: "boolean", nullable: false),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    delivery_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_professional_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    clock_starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    acknowledge_by = table.Column<DateOnly>(type: "date", nullable: false),
                    respond_by = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    acknowledged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    responded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acknowledge_escalated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    respond_escalated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    escalated_to = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_concerns", x => x.id);
                    table.ForeignKey(
                        name: "fk_concerns_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_concerns_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_concerns_organisations_owner_organisation_id",
                        column: x => x.owner_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_concerns_professionals_owner_professional_id",
                        column: x => x.owner_professional_id,
                        principalTable: "professionals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                columns: table => new
                {
                    user_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    frequency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_preferences", x => new { x.user_account_id, x.kind });
                    table.ForeignKey(
                        name: "fk_notification_preferences_user_accounts_user_account_id",
                        column: x => x.user_account_id,
                        principalTable: "user_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_settings",
                columns: table => new
                {
                    user_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quiet_hours_from = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    quiet_hours_until = table.Column<TimeOnly>(type: "time without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_settings", x => x.user_account_id);
                    table.ForeignKey(
                        name: "fk_notification_settings_user_accounts_user_account_id",
                        column: x => x.user_account_id,
                        principalTable: "user_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    email_line = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    mandatory = table.Column<bool>(type: "boolean", nullable: false),
                    once_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    email_state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    email_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    emailed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    outbox_message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lease_owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_user_accounts_recipient_user_id",
                        column: x => x.recipient_user_id,
                        principalTable: "user_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "response_standards",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    acknowledge_working_days = table.Column<int>(type: "integer", nullable: false),
                    respond_working_days = table.Column<int>(type: "integer", nullable: false),
                    urgent_acknowledge_working_days = table.Column<int>(type: "integer", nullable: false),
                    urgent_respond_working_days = table.Column<int>(type: "integer", nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    changed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_response_standards", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_response_standards_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "concern_updates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    concern_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    you_said = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    by_family = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_concern_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_concern_updates_concerns_concern_id",
                        column: x => x.concern_id,
                        principalTable: "concerns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_concern_updates_concern_id_at",
                table: "concern_updates",
                columns: new[] { "concern_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_concerns_area_id",
                table: "concerns",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_concerns_child_id_raised_at",
                table: "concerns",
                columns: new[] { "child_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_concerns_delivery_record_id",
                table: "concerns",
                column: "delivery_record_id");

            migrationBuilder.CreateIndex(
                name: "ix_concerns_owner_organisation_id_status",
                table: "concerns",
                columns: new[] { "owner_organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_concerns_owner_professional_id_status",
                table: "concerns",
                columns: new[] { "owner_professional_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_concerns_status_acknowledge_by",
                table: "concerns",
                columns: new[] { "status", "acknowledge_by" });

            migrationBuilder.CreateIndex(
                name: "ix_concerns_status_respond_by",
                table: "concerns",
                columns: new[] { "status", "respond_by" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_email_state_email_due_at",
                table: "notifications",
                columns: new[] { "email_state", "email_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_user_id_created_at",
                table: "notifications",
                columns: new[] { "recipient_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_user_id_once_key",
                table: "notifications",
                columns: new[] { "recipient_user_id", "once_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_user_id_read_at",
                table: "notifications",
                columns: new[] { "recipient_user_id", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "concern_updates");

            migrationBuilder.DropTable(
                name: "notification_preferences");

            migrationBuilder.DropTable(
                name: "notification_settings");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "response_standards");

            migrationBuilder.DropTable(
                name: "concerns");
        }
    }
}
