using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Notifications;

public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Total, int Unread, int Page, int PageCount);

/// <summary>A person's choices: how each kind is emailed, and the hours nothing is emailed.</summary>
public sealed record NotificationChoices(IReadOnlyDictionary<NotificationKind, EmailFrequency> Frequencies, TimeOnly? QuietHoursFrom, TimeOnly? QuietHoursUntil);

public sealed record QuietHoursIncomplete(string Field) : Error("Enter both times for quiet hours, or neither", Field);
public sealed record QuietHoursSame() : Error("Quiet hours must start and end at different times", "QuietHoursUntil");
public sealed record CannotTurnOff(string Field, string Kind) : Error($"You cannot turn off emails about {Kind}", Field);

public sealed class NotificationService(CommonGroundDbContext db, AccessService access, TimeProvider timeProvider)
{
    public const int PageSize = 25;

    /// <summary>The menu counts unread notifications up to this many, and says "99+" beyond it.</summary>
    public const int UnreadCountedUpTo = 99;

    /// <remarks>
    /// Every page shows this count. Most are seen with nothing unread, which one indexed look answers; only then is
    /// what the person may still see asked, for each unread notification, and only until one more than
    /// <see cref="UnreadCountedUpTo"/> is found: someone who leaves hundreds unread does not make every page slower.
    /// </remarks>
    /// <param name="staff">The person's place at an organisation, if they have one.</param>
    /// <param name="anyUnread">Whether the person has any unread notification, when the caller has already asked.</param>
    public async Task<int> UnreadCountAsync(UserAccount account, Professional? staff, bool? anyUnread = null) =>
        anyUnread ?? await db.Notifications.AnyAsync(n => n.RecipientUserId == account.Id && n.ReadAt == null)
            ? await (await MineAsync(account, staff)).Where(n => n.ReadAt == null).OrderByDescending(n => n.CreatedAt).Take(UnreadCountedUpTo + 1).CountAsync()
            : 0;

    /// <summary>The person's notifications about what they may still see; as staff, only while their place at the organisation is active.</summary>
    private async Task<IQueryable<Notification>> MineAsync(UserAccount account, Professional? staff) =>
        db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == account.Id)
            .StillVisible(access.StaffPlacesOf(staff is { IsActive: true } ? staff.Id : null), timeProvider.TodayInUk(),
                // Only a family account has a place in a child's family.
                account.Kind == AccountKind.Family ? await access.FamilyPartsSeenByAsync(account.Id) : PartsSeen.None);

    public async Task<NotificationPage> ListAsync(UserAccount account, Professional? staff, int page, bool unreadOnly)
    {
        var mine = await MineAsync(account, staff);
        var unread = await mine.CountAsync(n => n.ReadAt == null);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await mine.CountAsync();
        // A page past the end (an old link, after marking things read) shows the last page rather than nothing.
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await shown.OrderByDescending(n => n.CreatedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        return new NotificationPage(items, total, unread, page, pageCount);
    }

    /// <summary>Marks one of the person's notifications read and returns where it leads; null if it is not theirs.</summary>
    public async Task<string?> OpenAsync(UserAccount account, Professional? staff, Guid notificationId)
    {
        var link = await (await MineAsync(account, staff)).Where(n => n.Id == notificationId).Select(n => n.Link).SingleOrDefaultAsync();
        if (link is not null)
        {
            await MarkReadAsync(account.Id, notificationId);
        }

        return link;
    }

    /// <summary>
    /// Marks read in one statement, without loading the row: reading is the person's own business and must never wait
    /// for, or disturb, the email job that may hold the row's lease.
    /// </summary>
    public Task<int> MarkReadAsync(Guid userId, Guid notificationId)
    {
        var now = timeProvider.UtcNow();
        return db.Notifications.Where(n => n.Id == notificationId && n.RecipientUserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
    }

    public Task<int> MarkAllReadAsync(Guid userId)
    {
        var now = timeProvider.UtcNow();
        return db.Notifications.Where(n => n.RecipientUserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
    }

    public async Task<NotificationChoices> ChoicesAsync(Guid userId)
    {
        var saved = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserAccountId == userId).ToDictionaryAsync(p => p.Kind, p => p.Frequency);
        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserAccountId == userId);
        var frequencies = Enum.GetValues<NotificationKind>().ToDictionary(k => k, k => saved.GetValueOrDefault(k, EmailFrequency.Immediately));
        return new NotificationChoices(frequencies, settings?.QuietHoursFrom, settings?.QuietHoursUntil);
    }

    public async Task<Result<NotificationChoices>> SaveChoicesAsync(Guid userId, NotificationChoices choices, UserActor actor)
    {
        Error? invalid = (choices.QuietHoursFrom, choices.QuietHoursUntil) switch
        {
            (null, not null) => new QuietHoursIncomplete("QuietHoursFrom"),
            (not null, null) => new QuietHoursIncomplete("QuietHoursUntil"),
            ({ } from, { } until) when from == until => new QuietHoursSame(),
            _ => null,
        };
        invalid ??= choices.Frequencies.Where(f => f.Value == EmailFrequency.Off && !f.Key.CanBeTurnedOff())
            .Select(f => new CannotTurnOff(f.Key.ToString(), f.Key.ToDisplayName().ToLowerInvariant())).FirstOrDefault();
        if (invalid is not null)
        {
            return invalid;
        }

        await db.SaveSettingsAsync(async () =>
        {
            var saved = await db.NotificationPreferences.Where(p => p.UserAccountId == userId).ToDictionaryAsync(p => p.Kind);
            foreach (var (kind, frequency) in choices.Frequencies)
            {
                if (saved.TryGetValue(kind, out var preference))
                {
                    preference.Frequency = frequency;
                }
                else
                {
                    db.NotificationPreferences.Add(new NotificationPreference { UserAccountId = userId, Kind = kind, Frequency = frequency });
                }
            }

            var settings = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserAccountId == userId);
            if (settings is null)
            {
                settings = new NotificationSettings { UserAccountId = userId };
                db.NotificationSettings.Add(settings);
            }

            settings.QuietHoursFrom = choices.QuietHoursFrom;
            settings.QuietHoursUntil = choices.QuietHoursUntil;
            var quiet = settings.QuietHours is { } q ? $"quiet hours {q.From:HH\\:mm} to {q.Until:HH\\:mm}" : "no quiet hours";
            db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), AuditActions.NotificationChoicesChanged, "UserAccount", userId,
                $"Changed their email choices: {string.Join(", ", choices.Frequencies.Select(f => $"{f.Key} {f.Value}"))}; {quiet}"));
        });
        return choices;
    }
}
