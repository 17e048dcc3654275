using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.DataRights;

namespace CommonGround.Core.Demo;

/// <summary>
/// Jordan, who decides for himself at 17, downloaded everything held about him last week before a college interview:
/// his download page and his chronology show it asked for, prepared and taken.
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

    private static void Change(CommonGroundDbContext db, Actor actor, Child child, DateTime at, string action, string summary) =>
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, at, new ChildChange(action, null, summary, new ChangeSubject.WholeRecord())));
}
