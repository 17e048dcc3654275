using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.DataRights;

public sealed record CloseRecordOptions(string? Rule, string? Note);

/// <summary>
/// Closing a child's record when support ends, under a rule of the <see cref="RetentionSchedule"/>: nothing new can be
/// added, the family can still read and download it, and it is erased on the day the rule gives. The local authority
/// holds the record, so a professional of the local authority on the child's team closes it, and can reopen it until
/// it is erased. The family is told either way.
/// </summary>
public sealed class RecordClosureService(CommonGroundDbContext db, Notifier notifier, Attention.AttentionSignals attention, TimeProvider timeProvider)
{
    /// <summary>Whether this person, on the child's team, speaks for the local authority that holds the record.</summary>
    public Task<bool> MayCloseAsync(ChildAccess access) =>
        access.TeamMemberId is { } teamMemberId && access.Relationship.OrganisationKind == OrganisationKind.LocalAuthority
            ? WhoMayClose(db).AnyAsync(t => t.Id == teamMemberId && t.ChildId == access.Child.Id)
            : Task.FromResult(false);

    /// <summary>
    /// Every current place on a child's team held for the local authority of the child's area (a place carries the
    /// child's area): they close the record, and answer a request to erase it.
    /// </summary>
    public static IQueryable<Team.TeamMember> WhoMayClose(CommonGroundDbContext db) =>
        db.TeamMembers.Where(t => t.LeftAt == null && t.Professional!.DeactivatedAt == null
            && t.Professional.Organisation!.Kind == OrganisationKind.LocalAuthority && t.Professional.AreaId == t.AreaId);

    public async Task<Result<Child>> CloseAsync(ChildAccess access, CloseRecordOptions options, UserActor actor)
    {
        var rule = RetentionSchedule.Find(options.Rule);
        var note = options.Note?.Trim() ?? "";
        var child = await db.Children.SingleAsync(c => c.Id == access.Child.Id);
        Error? error = true switch
        {
            _ when !await MayCloseAsync(access) => new NotYoursToClose(),
            _ when child.IsClosed => new RecordAlreadyClosed(),
            _ when rule is null => new ChooseWhyClosed(),
            _ when note.Length == 0 => new SayWhyClosed(),
            _ when note.Length > Child.MaxClosedNoteLength => new TextTooLong("Note", Child.MaxClosedNoteLength),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        child.Close(rule!, note, actor.Name, now.ToUkDate());
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.RecordClosed, null,
            $"{actor.Name} closed the record: {rule!.Reason.ToLowerInvariant()}. It will be erased on {UkDates.Date(child.EraseOn!.Value)}", new ChangeSubject.WholeRecord())));
        await TellTheFamilyAsync(child,
            $"{child.KnownAs}'s record is closed",
            $"{actor.Name} closed {child.KnownAs}'s record. Nothing new can be added to it. You can still read it and download a copy until {UkDates.Date(child.EraseOn!.Value)}, when it will be erased.");
        await db.SaveChangesAsync();
        await attention.RefreshAfterChangeAsync(child.Id);
        return child;
    }

    public async Task<Result<Child>> ReopenAsync(ChildAccess access, UserActor actor)
    {
        var child = await db.Children.SingleAsync(c => c.Id == access.Child.Id);
        Error? error = true switch
        {
            _ when !await MayCloseAsync(access) => new NotYoursToClose(),
            _ when !child.IsClosed => new RecordNotClosed(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        child.Reopen();
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.RecordReopened, null,
            $"{actor.Name} reopened the record; it will no longer be erased", new ChangeSubject.WholeRecord())));
        await TellTheFamilyAsync(child, $"{child.KnownAs}'s record is open again",
            $"{actor.Name} reopened {child.KnownAs}'s record. It will not be erased, and the team can add to it again.");
        await db.SaveChangesAsync();
        await attention.RefreshAfterChangeAsync(child.Id);
        return child;
    }

    private async Task TellTheFamilyAsync(Child child, string title, string line)
    {
        var family = await db.FamilyMembers.Where(f => f.ChildId == child.Id).Select(f => f.UserAccountId).ToListAsync();
        foreach (var member in family)
        {
            await notifier.NotifyAsync(member, NotificationKind.YourData, title, line, ChildLinks.Overview(child.Id), child.Id, mandatory: true);
        }
    }
}
