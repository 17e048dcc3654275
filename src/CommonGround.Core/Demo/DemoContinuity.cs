using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using CommonGround.Core.Time;

namespace CommonGround.Core.Demo;

/// <summary>
/// People move, and Sam's support does not stop: Sarah, the teaching assistant who ran his lunchtime club, left
/// Brookside three weeks ago and Helen handed the club to Omar, the deputy SENCO, so the family's team page says who
/// took what; and this week Priya is on a course, so Omar covers as key worker and the family sees who to contact.
/// </summary>
internal static class DemoContinuity
{
    public static void Add(CommonGroundDbContext db, DateOnly monday, DateOnly today, Child sam, UserAccount alex, Professional senco, TeamMember sencoOnSam,
        Professional omar, Professional sarah, Professional helen, Organisation brookside, Func<Child, Professional, string, UserAccount, bool, RecordArea[], TeamMember> team)
    {
        var helenActs = new UserActor(helen.UserAccountId, "Helen Brooks") { OrganisationId = helen.OrganisationId };
        var schoolParts = new[] { RecordArea.AboutMe, RecordArea.Education, RecordArea.Commitments, RecordArea.Meetings, RecordArea.Concerns };

        // Sarah was on the team until she left.
        var left = monday.AddDays(-18).ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc);
        var joined = monday.AddDays(-40).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var sarahOnSam = new TeamMember { ChildId = sam.Id, ProfessionalId = sarah.Id, AreaId = sam.AreaId, Role = "Teaching assistant", JoinedAt = joined, AddedByUserId = alex.Id };
        db.TeamMembers.Add(sarahOnSam);
        foreach (var part in schoolParts)
        {
            var consent = new SharingConsent { TeamMemberId = sarahOnSam.Id, ChildId = sam.Id, Area = part, From = DateOnly.FromDateTime(joined), GrantedByUserId = alex.Id, GrantedAt = joined };
            db.SharingConsents.Add(consent);
            sarahOnSam.Consents.Add(consent);
        }

        sarahOnSam.Leave(helen.UserAccountId, left);
        sarah.Deactivate(left);
        var omarOnSam = team(sam, omar, "Deputy SENCO at Sam's school", alex, false, schoolParts);

        var lunchClub = new Commitment
        {
            ChildId = sam.Id, AreaId = sam.AreaId, What = "Lunchtime club in the library", RecordArea = CommitmentArea.Education, Source = CommitmentSource.Meeting,
            Details = "A quiet lunchtime with a small group and a trusted adult, instead of the busy playground.",
            OwnerProfessionalId = omar.Id, OwnerName = "Omar Shah", OwnerOrganisationId = brookside.Id, OwnerOrganisationName = brookside.Name,
            Kind = CommitmentKind.Recurring, QuantityPerPeriod = 3, Unit = ProvisionUnit.Sessions, MinutesPerSession = 30, Period = ProvisionPeriod.Week, TermTimeOnly = false,
            StartDate = monday.AddDays(-35), CreatedAt = monday.AddDays(-36).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc), CreatedByUserId = sarah.UserAccountId, CreatedByName = "Sarah Jones",
        };
        lunchClub.ChangeStatus(CommitmentStatus.Agreed, "Agreed with Alex at the start of term", sarah.UserAccountId, "Sarah Jones", lunchClub.CreatedAt, monday.AddDays(-36));
        db.Commitments.Add(lunchClub);
        // Mondays, Wednesdays and Fridays.
        for (var day = lunchClub.StartDate!.Value; day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday))
            {
                continue;
            }

            var byOmar = day.ToDateTime(TimeOnly.MinValue) >= left;
            db.DeliveryRecords.Add(new DeliveryRecord
            {
                CommitmentId = lunchClub.Id, ChildId = sam.Id, Date = day, Delivered = true, Quantity = 1,
                RecordedByUserId = byOmar ? omar.UserAccountId : sarah.UserAccountId, RecordedByName = byOmar ? "Omar Shah" : "Sarah Jones",
                RecordedAt = day.ToDateTime(new TimeOnly(9, 15), DateTimeKind.Utc),
            });
        }

        var handover = new Handover
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Kind = HandoverKind.Commitment, SubjectId = lunchClub.Id, What = lunchClub.What,
            Part = RecordArea.Commitments, AboutPart = RecordArea.Education, FromProfessionalId = sarah.Id, FromName = "Sarah Jones",
            ToProfessionalId = omar.Id, ToName = "Omar Shah", Why = $"left {brookside.Name}", At = left, ByUserId = helen.UserAccountId, ByName = "Helen Brooks",
        };
        db.Handovers.Add(handover);
        db.AuditEvents.Add(AuditEvent.ForChild(helenActs, sam.Id, sam.AreaId, left,
            new ChildChange(AuditActions.HandedOver, RecordArea.Commitments, handover.Describe("Sam"), new ChangeSubject.Commitment(lunchClub.Id))));
        db.AuditEvents.Add(AuditEvent.ForChild(helenActs, sam.Id, sam.AreaId, left,
            new ChildChange(AuditActions.TeamMemberRemoved, null, $"Sarah Jones left {brookside.Name}, so is no longer on the team", new ChangeSubject.Team())));

        // Priya is on a course this week and next; Omar covers.
        var priyaActs = new UserActor(senco.UserAccountId, "Priya Nair") { OrganisationId = senco.OrganisationId };
        var arranged = monday.AddDays(-3).ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc);
        var back = monday.AddDays(14);
        var cover = new Cover
        {
            ChildId = sam.Id, AreaId = sam.AreaId, KeyWorkerPlaceId = sencoOnSam.Id, KeyWorkerProfessionalId = senco.Id, KeyWorkerUserId = senco.UserAccountId, KeyWorkerName = "Priya Nair",
            CoverPlaceId = omarOnSam.Id, CoverProfessionalId = omar.Id, CoverUserId = omar.UserAccountId, CoverName = "Omar Shah",
            From = monday, Until = back.AddDays(-3), Note = $"Priya is on a training course and back on {UkDates.DayAndDate(back)}.",
            SetByUserId = senco.UserAccountId, SetByName = "Priya Nair", SetAt = arranged,
        };
        db.Covers.Add(cover);
        db.AuditEvents.Add(AuditEvent.ForChild(priyaActs, sam.Id, sam.AreaId, arranged,
            new ChildChange(AuditActions.CoverSet, null, $"Omar Shah covers for Priya Nair, the key worker, from {UkDates.Date(cover.From)} until {UkDates.Date(cover.Until)}", new ChangeSubject.Team())));
    }
}
