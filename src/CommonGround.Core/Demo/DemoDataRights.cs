using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.DataRights;
using CommonGround.Core.Organisations;

namespace CommonGround.Core.Demo;

/// <summary>
/// Jordan, who decides for himself at 17, downloaded everything held about him last week before a college interview:
/// his download page and his chronology show it asked for, prepared and taken. And last Thursday evening Ellie was
/// taken to hospital from her childminder's; with nobody from the council on her team, Ruth opened her record under
/// emergency access to tell the ward who holds parental responsibility, and ended it as soon as she had. Alex sees
/// who, why and until when on Ellie's "who has seen"; Ruth's council sees it on its emergency access page. Arjun Shah
/// moved to a special school in Westshire at half term, and Westshire now holds his plan: Tom, his caseworker, closed
/// his Northvale record on the Monday two weeks ago, and Sunita and Tom both see it closed, with the day it will be erased.
/// Last Wednesday evening Sunita asked for it to be erased now rather than kept for years; it waits for Tom's answer, on
/// his attention list and in Sunita's "What's happening".
/// </summary>
internal static class DemoDataRights
{
    public static void Add(CommonGroundDbContext db, DateTime now, Child jordan, UserAccount jordanAccount)
    {
        var asked = now.AddDays(-6).Date.AddHours(19);
        var export = new RecordExport
        {
            ChildId = jordan.Id, AreaId = jordan.AreaId, RequestedByUserId = jordanAccount.Id, RequestedByName = jordanAccount.DisplayName, RequestedAt = asked,
        };
        export.MarkReady("jordan-reid-record.zip", 48_213, asked.AddMinutes(1));
        export.MarkDownloaded(asked.AddMinutes(9));
        db.RecordExports.Add(export);
        var person = new UserActor(jordanAccount.Id, jordanAccount.DisplayName);
        Change(db, person, jordan, asked, AuditActions.RecordDownloadRequested, $"{person.Name} asked for a download of everything held about {jordan.KnownAs}");
        Change(db, Actor.System, jordan, asked.AddMinutes(1), AuditActions.RecordDownloadReady, $"A download of everything held about {jordan.KnownAs} is ready for {person.Name}");
        Change(db, person, jordan, asked.AddMinutes(9), AuditActions.RecordDownloaded, $"{person.Name} downloaded everything held about {jordan.KnownAs}");
    }

    public static void AddEmergency(CommonGroundDbContext db, DateOnly monday, Child ellie, Professional ruth, string ruthName, Organisation council)
    {
        var from = monday.AddDays(-4).ToDateTime(new TimeOnly(18, 40));
        var access = new EmergencyAccess
        {
            ChildId = ellie.Id, AreaId = ellie.AreaId, UserAccountId = ruth.UserAccountId, Name = ruthName, OrganisationId = council.Id, OrganisationName = council.Name,
            Reason = "Ellie was taken to the children's ward from her childminder's this evening. The ward asked the council who holds parental responsibility and whether she has any health needs we know of.",
            From = from, Until = from.AddHours(4),
        };
        access.End(from.AddMinutes(25));
        db.EmergencyAccesses.Add(access);
        var person = new UserActor(ruth.UserAccountId, ruthName);
        Change(db, person, ellie, from, AuditActions.EmergencyAccessOpened,
            $"{ruthName} of {council.Name} opened the record under emergency access until {Time.UkDates.DateAndTime(access.Until)}");
        var views = new (int, RecordArea?, string)[] { (1, null, "Their record"), (4, RecordArea.AboutMe, "About me"), (9, null, "The team") }
            .Select(view => new AccessLogEntry
            {
                ChildId = ellie.Id, ViewerUserId = ruth.UserAccountId, ViewerName = ruthName, OrganisationId = council.Id, OrganisationName = council.Name,
                Area = view.Item2, What = view.Item3, ViewedAt = from.AddMinutes(view.Item1),
            }).ToList();
        AccessLogVisit.Place(views, before: null);
        db.AccessLog.AddRange(views);

        Change(db, person, ellie, from.AddMinutes(25), AuditActions.EmergencyAccessEnded, $"{ruthName} ended their emergency access to the record");
    }

    public static void AddClosed(CommonGroundDbContext db, DateOnly monday, Child arjun, Professional tom, string tomName)
    {
        var closedOn = monday.AddDays(-14);
        arjun.Close(RetentionSchedule.SendRecord, "Arjun started at Westfield Special School in Westshire after half term, and Westshire Council now holds his EHC plan.", tomName, closedOn);
        Change(db, new UserActor(tom.UserAccountId, tomName) { OrganisationId = tom.OrganisationId }, arjun, closedOn.ToDateTime(new TimeOnly(11, 15)), AuditActions.RecordClosed,
            $"{tomName} closed the record: {RetentionSchedule.SendRecord.Reason.ToLowerInvariant()}. It will be erased on {Time.UkDates.Date(arjun.EraseOn!.Value)}");
    }

    public static void AddErasureRequest(CommonGroundDbContext db, DateOnly monday, Child arjun, UserAccount sunita)
    {
        var asked = monday.AddDays(-5).ToDateTime(new TimeOnly(20, 40));
        var request = new ErasureRequest
        {
            ChildId = arjun.Id, AreaId = arjun.AreaId, RequestedByUserId = sunita.Id, RequestedByName = sunita.DisplayName, RequestedAt = asked,
            Reason = "Westshire have Arjun's plan and everything they need now. I would rather Northvale did not keep his records for years when he no longer lives here. Please erase them.",
            DueOn = OneMonthClock.DueOn(asked, Time.WorkingDayCalendar.EnglandAndWales),
        };
        db.ErasureRequests.Add(request);
        db.AuditEvents.Add(AuditEvent.ForChild(new UserActor(sunita.Id, sunita.DisplayName), arjun.Id, arjun.AreaId, asked, new ChildChange(AuditActions.ErasureRequested, null,
            $"{sunita.DisplayName} asked for the record to be erased, to be answered by {Time.UkDates.Date(request.DueOn)}", new ChangeSubject.Erasure(request.Id))));
    }

    private static void Change(CommonGroundDbContext db, Actor actor, Child child, DateTime at, string action, string summary) =>
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, at, new ChildChange(action, null, summary, new ChangeSubject.WholeRecord())));
}
