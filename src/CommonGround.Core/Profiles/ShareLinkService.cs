using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Profiles;

public sealed record CreateShareLinkOptions(string Label, int Days, IReadOnlyCollection<RecordArea> ExtraAreas);

public sealed record ShareLinkView(ProfileShareLink Link, Children.Child Child, IReadOnlyList<ProfileSection> Sections);

public sealed record ShareLinkDaysOutOfRange() : Error("Choose how long the link should work, from 1 to 30 days", "Days");
public sealed record ShareLinkNotFound() : NotFoundError("This share link could not be found");

/// <summary>Time-limited links to the one-page profile, made and revoked by the family, every view logged.</summary>
public sealed class ShareLinkService(CommonGroundDbContext db, ProfileService profiles, TimeProvider timeProvider)
{
    public Task<List<ProfileShareLink>> ListAsync(Guid childId) =>
        db.ProfileShareLinks.Where(l => l.ChildId == childId).OrderByDescending(l => l.CreatedAt).ToListAsync();

    /// <summary>Makes a link and returns its token: shown once to the family, never stored.</summary>
    public async Task<Result<(ProfileShareLink Link, string Token)>> CreateAsync(ChildAccess childAccess, CreateShareLinkOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageConsent))
        {
            return new NotAllowedForProfile();
        }

        if (options.Days is < 1 or > ProfileShareLink.MaxDays)
        {
            return new ShareLinkDaysOutOfRange();
        }

        var now = timeProvider.UtcNow();
        var token = Invitation.NewToken();
        var areas = options.ExtraAreas.Where(a => a is RecordArea.Health or RecordArea.Transport).Append(RecordArea.AboutMe).Distinct().Order();
        var link = new ProfileShareLink
        {
            ChildId = childId,
            Label = options.Label.Trim(),
            TokenHash = Invitation.HashToken(token),
            Areas = string.Join(',', areas),
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Days),
        };
        db.ProfileShareLinks.Add(link);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, childAccess.Child.AreaId, now, new ChildChange(AuditActions.ShareLinkCreated, RecordArea.AboutMe, $"Made a link to the one-page profile for \"{link.Label}\", working for {options.Days} {(options.Days == 1 ? "day" : "days")}", new ChangeSubject.AboutMeSharing())));
        await db.SaveChangesAsync();
        return (link, token);
    }

    public async Task<Result<ProfileShareLink>> RevokeAsync(ChildAccess childAccess, Guid linkId, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageConsent))
        {
            return new NotAllowedForProfile();
        }

        var link = await db.ProfileShareLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.ChildId == childId);
        if (link is null)
        {
            return new ShareLinkNotFound();
        }

        var now = timeProvider.UtcNow();
        if (link.RevokedAt is null)
        {
            link.Revoke(now);
            db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, childAccess.Child.AreaId, now, new ChildChange(AuditActions.ShareLinkRevoked, RecordArea.AboutMe, $"Stopped the link for \"{link.Label}\"", new ChangeSubject.AboutMeSharing())));
            await db.SaveChangesAsync();
        }

        return link;
    }

    /// <summary>Opens a link for someone without an account, logging the view; null when the link is unknown, expired or revoked.</summary>
    public async Task<ShareLinkView?> OpenAsync(string token, string? ipAddress)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 128)
        {
            return null;
        }

        var hash = Invitation.HashToken(token.Trim());
        var link = await db.ProfileShareLinks.SingleOrDefaultAsync(l => l.TokenHash == hash);
        var now = timeProvider.UtcNow();
        if (link is null || !link.IsActiveAt(now))
        {
            return null;
        }

        var child = await db.Children.SingleAsync(c => c.Id == link.ChildId);
        var shared = link.SharedAreas;
        var sections = (await profiles.GetSectionsAsync(link.ChildId)).Where(s => shared.Contains(s.Section.Area()) && s.Text.Length > 0).ToList();
        var view = new AccessLogEntry
        {
            ChildId = link.ChildId,
            ViewerUserId = null,
            ViewerName = $"Someone with the link for \"{link.Label}\"",
            Area = RecordArea.AboutMe,
            What = "One-page profile, by share link",
            ViewedAt = now,
            IpAddress = ipAddress,
        };
        await AccessLogVisit.PlaceAsync(db, [view], CancellationToken.None);
        db.AccessLog.Add(view);
        await db.SaveChangesAsync();
        return new ShareLinkView(link, child, sections);
    }
}
