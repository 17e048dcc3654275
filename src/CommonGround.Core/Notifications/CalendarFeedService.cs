using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Links;
using CommonGround.Core.Meetings;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Notifications;

/// <summary>
/// A person's private calendar address. Only a hash of the secret in the address is kept; making a new one stops the
/// old one working, and stopping it ends the feed at once.
/// </summary>
public sealed class CalendarFeed
{
    public required Guid UserAccountId { get; init; }
    public required string TokenHash { get; set; }
    public required DateTime CreatedAt { get; set; }
    public DateTime? LastReadAt { get; set; }
}

/// <summary>
/// Builds each person's calendar feed at the moment their calendar app asks: meetings they are part of, commitments due
/// that they own (or, for the family, that are owed to their child), dates on concerns they own, and the statutory
/// deadlines still to come for their children. What they may no longer see drops out. Each event names the child by
/// the name they are known by and what kind of date it is, and links to the service for the rest.
/// </summary>
public sealed class CalendarFeedService(CommonGroundDbContext db, AccessService access, ChildReadLog readLog, PublicAddress publicAddress, TimeProvider timeProvider)
{
    public const string ContentType = "text/calendar";

    /// <summary>Meetings from this long ago stay in the feed, so last week's meeting does not vanish at once.</summary>
    public static readonly TimeSpan PastMeetings = TimeSpan.FromDays(60);

    public Task<CalendarFeed?> FindAsync(Guid userId) => db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.UserAccountId == userId);

    /// <summary>Makes the person a new calendar address, replacing any old one; returns the secret for the address, shown once.</summary>
    public async Task<string> CreateAsync(UserActor actor)
    {
        var userId = actor.UserId;
        var token = Invitation.NewToken();
        var now = timeProvider.UtcNow();
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserAccountId == userId);
        var replaced = feed is not null;
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserAccountId = userId, TokenHash = Invitation.HashToken(token), CreatedAt = now });
        }
        else
        {
            feed.TokenHash = Invitation.HashToken(token);
            feed.CreatedAt = now;
            feed.LastReadAt = null;
        }

        db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.CalendarFeedCreated, "UserAccount", userId,
            replaced ? "Made a new calendar address; the old one no longer works" : "Made a calendar address"));
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>Stops the person's calendar address; false if they had none.</summary>
    public async Task<bool> StopAsync(UserActor actor)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserAccountId == actor.UserId);
        if (feed is null)
        {
            return false;
        }

        db.CalendarFeeds.Remove(feed);
        db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), AuditActions.CalendarFeedStopped, "UserAccount", actor.UserId, "Stopped their calendar address"));
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// The calendar for the address's secret, or null if the address is unknown or was stopped or replaced. While
    /// <paramref name="staffNeedSecondFactor"/> and the owner is staff without two-factor authentication, it has no dates:
    /// they see no child's details anywhere until they set it up.
    /// </summary>
    public async Task<string?> CalendarAsync(string token, bool staffNeedSecondFactor)
    {
        var hash = Invitation.HashToken(token);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.TokenHash == hash);
        if (feed is null)
        {
            return null;
        }

        var now = timeProvider.UtcNow();
        // Calendar apps ask often; the time it was last read is kept to the hour, so most reads write nothing.
        if (feed.LastReadAt is null || now - feed.LastReadAt > TimeSpan.FromHours(1))
        {
            feed.LastReadAt = now;
            await db.SaveChangesAsync();
        }

        var calendar = new Calendar { ProductId = "-//CommonGround//Calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", "CommonGround");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var owner = await db.Users.Where(u => u.Id == feed.UserAccountId)
            .Select(u => new { u.DisplayName, u.Kind, u.TwoFactorEnabled, Staff = db.Professionals.Where(p => p.UserAccountId == u.Id).Select(p => new { p.OrganisationId, p.AreaId, p.Organisation!.Name }).FirstOrDefault() })
            .SingleAsync();
        var mayShowDates = !(staffNeedSecondFactor && owner.Kind == AccountKind.Professional && !owner.TwoFactorEnabled);
        // The calendar app reads on its owner's behalf: each child whose dates it is given is a read by the owner.
        readLog.ViewedBy(new UserActor(feed.UserAccountId, owner.DisplayName) { OrganisationId = owner.Staff?.OrganisationId, AreaId = owner.Staff?.AreaId, OrganisationName = owner.Staff?.Name });
        foreach (var (childId, item) in mayShowDates ? await EventsAsync(feed.UserAccountId, now) : [])
        {
            calendar.Events.Add(item);
            readLog.Describe(childId, null, "Dates, in their calendar app");
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>Each date in the person's feed, with the child it is about.</summary>
    private async Task<List<(Guid ChildId, CalendarEvent Event)>> EventsAsync(Guid userId, DateTime now)
    {
        var today = timeProvider.TodayInUk();
        var professionalId = await db.Professionals.Where(p => p.UserAccountId == userId && p.DeactivatedAt == null).Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        // A caseworker's feed covers hundreds of children: their access is worked out together, not child by child.
        var children = professionalId is { } staff ? await access.StaffAccessAsync(staff) : await FamilyAccessAsync(userId);

        var stamp = new CalDateTime(now);
        var events = new List<(Guid ChildId, CalendarEvent Event)>();
        var ids = children.Keys.ToList();

        var from = now - PastMeetings;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => EF.Parameter(ids).Contains(m.ChildId) && m.CancelledAt == null && m.StartsAt >= from
                && (m.OrganiserUserId == userId || m.Invitees.Any(i => i.UserAccountId == userId)))
            .ToListAsync();
        foreach (var meeting in meetings.Where(m => children[m.ChildId].CanSee(RecordArea.Meetings)))
        {
            var child = children[meeting.ChildId].Child;
            events.Add((child.Id, new CalendarEvent
            {
                Uid = $"{meeting.Id:N}@commonground",
                Summary = MeetingCalendar.Summary(meeting, child.KnownAs),
                Start = new CalDateTime(meeting.StartsAt),
                End = new CalDateTime(meeting.EndsAt),
                Location = meeting.Place ?? meeting.OnlineLink,
                DtStamp = stamp,
                Sequence = meeting.CalendarSequence,
                Description = Described(ChildLinks.Meeting(child.Id, meeting.Id)),
            }));
        }

        var dueCommitments = db.Commitments.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.ChildId) && c.DueDate != null
            && (c.Status == CommitmentStatus.Proposed || c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active));
        dueCommitments = professionalId is { } owner ? dueCommitments.Where(c => c.OwnerProfessionalId == owner) : dueCommitments;
        foreach (var commitment in (await dueCommitments.ToListAsync()).Where(c => children[c.ChildId].CanSeeCommitment(c.RecordArea)))
        {
            var child = children[commitment.ChildId].Child;
            events.Add((child.Id, AllDay($"commitment-{commitment.Id:N}", commitment.DueDate!.Value, $"Commitment due for {child.KnownAs}",
                ChildLinks.Commitment(child.Id, commitment.Id), stamp)));
        }

        if (professionalId is { } ownerId)
        {
            var concerns = await db.Concerns.AsNoTracking().Where(c => c.OwnerProfessionalId == ownerId && EF.Parameter(ids).Contains(c.ChildId) && c.Status != ConcernStatus.Closed).ToListAsync();
            foreach (var concern in concerns.Where(c => ConcernService.CanSee(children[c.ChildId], c)))
            {
                if (concern.NextClock is { } clock)
                {
                    var child = children[concern.ChildId].Child;
                    var what = clock.Kind == ConcernClockKind.Acknowledge ? "Acknowledge" : "Respond in full to";
                    events.Add((child.Id, AllDay($"concern-{concern.Id:N}-{clock.Kind}".ToLowerInvariant(), clock.DueOn, $"{what} a concern about {child.KnownAs}",
                        ChildLinks.Concern(child.Id, concern.Id), stamp)));
                }
            }
        }

        var statutoryChildren = children.Values.Where(c => c.CanSee(RecordArea.StatutoryProcess)).Select(c => c.Child.Id).ToList();
        var processes = await db.StatutoryProcesses.AsNoTracking().Include(p => p.Events).Where(p => EF.Parameter(statutoryChildren).Contains(p.ChildId)).AsSplitQuery().ToListAsync();
        foreach (var process in processes)
        {
            var child = children[process.ChildId].Child;
            foreach (var deadline in process.Progress(today, Timescales.England, child.DateOfBirth).Next)
            {
                events.Add((child.Id, AllDay($"statutory-{process.Id:N}-{deadline.Deadline.Rule.Key}", deadline.Deadline.Date,
                    $"{deadline.Title}: {child.KnownAs}", ChildLinks.StatutoryProcess(child.Id, process.Id), stamp)));
            }
        }

        return events;
    }

    /// <summary>A family has few children: each one's access is worked out by the one rule, as their pages do.</summary>
    private async Task<IReadOnlyDictionary<Guid, ChildAccess>> FamilyAccessAsync(Guid userId)
    {
        var children = new Dictionary<Guid, ChildAccess>();
        foreach (var childId in await db.FamilyMembers.Where(f => f.UserAccountId == userId).Select(f => f.ChildId).ToListAsync())
        {
            if (await access.GetAsync(childId, userId) is { } childAccess)
            {
                children[childId] = childAccess;
            }
        }

        return children;
    }

    private CalendarEvent AllDay(string uid, DateOnly date, string summary, string link, CalDateTime stamp) => new()
    {
        Uid = $"{uid}@commonground",
        Summary = summary,
        Start = new CalDateTime(date),
        End = new CalDateTime(date.AddDays(1)),
        DtStamp = stamp,
        Transparency = "TRANSPARENT",
        Description = Described(link),
    };

    private string Described(string link) => $"See it on CommonGround: {publicAddress.For(link)}";
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.HasKey(f => f.UserAccountId);
        e.Property(f => f.TokenHash).HasMaxLength(64);
        e.HasIndex(f => f.TokenHash).IsUnique();
        e.HasOne<UserAccount>().WithOne().HasForeignKey<CalendarFeed>(f => f.UserAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
