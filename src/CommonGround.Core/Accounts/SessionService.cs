using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Accounts;

/// <summary>A session as its owner sees it in "Your account".</summary>
public sealed record SessionSummary(Guid Id, string Device, DateTime SignedInAt, DateTime LastUsedAt, bool IsThisOne);

/// <summary>The person's signed-in browsers: listed, and ended one at a time or all but this one.</summary>
public sealed class SessionService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(Guid userId, Guid? current)
    {
        var now = timeProvider.UtcNow();
        var sessions = await db.UserSessions.Where(s => s.UserAccountId == userId && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastUsedAt)
            .Select(s => new { s.Id, s.UserAgent, s.SignedInAt, s.LastUsedAt })
            .ToListAsync();
        return sessions
            .Select(s => new SessionSummary(s.Id, BrowserDescription.Of(s.UserAgent), s.SignedInAt, s.LastUsedAt, s.Id == current))
            .OrderByDescending(s => s.IsThisOne)
            .ToList();
    }

    /// <summary>Ends one of the person's own sessions; someone else's is not found, and nothing changes.</summary>
    public async Task<bool> EndAsync(Guid sessionId, UserActor actor)
    {
        var userId = actor.UserId;
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserAccountId == userId);
        if (session is null)
        {
            return false;
        }

        db.UserSessions.Remove(session);
        db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), AuditActions.SessionEnded, nameof(UserAccount), userId,
            $"Signed out a session on {BrowserDescription.Of(session.UserAgent)}"));
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// Ends every session of the person but <paramref name="keep"/> (this browser's, or none) and says why in the audit
    /// log, e.g. "after changing their password"; returns how many ended.
    /// </summary>
    public async Task<int> EndOthersAsync(Guid userId, Guid? keep, UserActor actor, string? why = null)
    {
        var others = await db.UserSessions.Where(s => s.UserAccountId == userId && s.Id != keep).ToListAsync();
        db.UserSessions.RemoveRange(others);
        var summary = others.Count == 1 ? "Signed out 1 other session" : $"Signed out {others.Count} other sessions";
        db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), AuditActions.SessionEnded, nameof(UserAccount), userId,
            why is null ? summary : $"{summary} {why}"));
        await db.SaveChangesAsync();
        return others.Count;
    }

    /// <summary>
    /// Marks every session of an account for removal, to be saved with the change that calls for it (a deactivated
    /// account), so the two happen together.
    /// </summary>
    public static async Task EndAllForAsync(CommonGroundDbContext db, Guid userId) =>
        db.UserSessions.RemoveRange(await db.UserSessions.Where(s => s.UserAccountId == userId).ToListAsync());
}

/// <summary>A browser and device in words, e.g. "Chrome on Android", from what the browser says about itself.</summary>
public static class BrowserDescription
{
    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "an unknown browser";
        }

        var browser = Contains(userAgent, "Edg/") ? "Edge"
            : Contains(userAgent, "OPR/") || Contains(userAgent, "Opera") ? "Opera"
            : Contains(userAgent, "SamsungBrowser") ? "Samsung Internet"
            : Contains(userAgent, "Firefox/") || Contains(userAgent, "FxiOS") ? "Firefox"
            : Contains(userAgent, "Chrome/") || Contains(userAgent, "CriOS") || Contains(userAgent, "Chromium") ? "Chrome"
            : Contains(userAgent, "Safari/") ? "Safari"
            : "a browser";
        var device = Contains(userAgent, "iPhone") ? "iPhone"
            : Contains(userAgent, "iPad") ? "iPad"
            : Contains(userAgent, "Android") ? "Android"
            : Contains(userAgent, "Windows") ? "Windows"
            : Contains(userAgent, "Mac OS X") || Contains(userAgent, "Macintosh") ? "Mac"
            : Contains(userAgent, "CrOS") ? "Chromebook"
            : Contains(userAgent, "Linux") ? "Linux"
            : null;
        return device is null ? browser : $"{browser} on {device}";
    }

    private static bool Contains(string text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);
}
