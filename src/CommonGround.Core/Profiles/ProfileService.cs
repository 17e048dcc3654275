using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Profiles;

public sealed record SaveSectionOptions(ProfileSectionKind Section, string Text, int ExpectedVersion);

public sealed record SuggestChangeOptions(ProfileSectionKind Section, string Text, string? Reason);

public enum SuggestionDecision
{
    Accept,
    AcceptWithChanges,
    Decline,
}

public sealed record DecideSuggestionOptions(Guid SuggestionId, SuggestionDecision Decision, string? EditedText, string? DeclineReason);

/// <summary>The family's "About me": written and confirmed by the family, suggested to by the team, every version kept.</summary>
public sealed class ProfileService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>Every section, in order; a section nobody has written yet is empty at version 0.</summary>
    public async Task<IReadOnlyList<ProfileSection>> GetSectionsAsync(Guid childId)
    {
        var saved = await db.ProfileSections.Where(s => s.ChildId == childId).ToDictionaryAsync(s => s.Section);
        return ProfileSections.All.Select(kind => saved.GetValueOrDefault(kind) ?? new ProfileSection { ChildId = childId, Section = kind }).ToList();
    }

    public Task<List<ProfileSectionVersion>> ListVersionsAsync(Guid childId, ProfileSectionKind section) =>
        db.ProfileSectionVersions.Where(v => v.ChildId == childId && v.Section == section).OrderByDescending(v => v.Version).ToListAsync();

    public Task<List<ProfileSuggestion>> ListPendingSuggestionsAsync(Guid childId) =>
        db.ProfileSuggestions.Where(s => s.ChildId == childId && s.Status == SuggestionStatus.Pending).OrderBy(s => s.SuggestedAt).ToListAsync();

    public async Task<Result<ProfileSection>> SaveSectionAsync(ChildAccess childAccess, SaveSectionOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.EditProfile, options.Section.Area()))
        {
            return new NotAllowedForProfile();
        }

        var section = await db.ProfileSections.SingleOrDefaultAsync(s => s.ChildId == childId && s.Section == options.Section);
        if (section is null)
        {
            section = new ProfileSection { ChildId = childId, Section = options.Section };
            db.ProfileSections.Add(section);
        }

        if (section.Version != options.ExpectedVersion)
        {
            return new SectionChangedMeanwhile(section.Text, section.UpdatedByName, section.UpdatedAt);
        }

        var now = timeProvider.UtcNow();
        var version = section.Change(options.Text, actor.UserId, actor.Name, now);
        if (version is not null)
        {
            db.ProfileSectionVersions.Add(version);
        }

        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, childAccess.Child.AreaId, now, new ChildChange(version is null ? AuditActions.ProfileConfirmed : AuditActions.ProfileChanged, options.Section.Area(), $"{(version is null ? "Confirmed" : "Changed")} \"{options.Section.Title()}\"", new ChangeSubject.AboutMeSection(options.Section))));
        return await SaveOrStaleAsync(section, childId, options.Section);
    }

    /// <summary>The family says a section is still right without changing it.</summary>
    public async Task<Result<ProfileSection>> ConfirmSectionAsync(ChildAccess childAccess, ProfileSectionKind kind, UserActor actor)
    {
        var section = await db.ProfileSections.SingleOrDefaultAsync(s => s.ChildId == childAccess.Child.Id && s.Section == kind);
        return await SaveSectionAsync(childAccess, new SaveSectionOptions(kind, section?.Text ?? "", section?.Version ?? 0), actor);
    }

    public async Task<Result<ProfileSuggestion>> SuggestChangeAsync(ChildAccess childAccess, SuggestChangeOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.SuggestProfile, options.Section.Area()))
        {
            return new NotAllowedForProfile();
        }

        var section = await db.ProfileSections.SingleOrDefaultAsync(s => s.ChildId == childId && s.Section == options.Section);
        var suggested = options.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (suggested == (section?.Text ?? ""))
        {
            return new SuggestionUnchanged();
        }

        var now = timeProvider.UtcNow();
        var suggestion = new ProfileSuggestion
        {
            ChildId = childId,
            Section = options.Section,
            TextBefore = section?.Text ?? "",
            VersionBefore = section?.Version ?? 0,
            SuggestedText = suggested,
            Reason = string.IsNullOrWhiteSpace(options.Reason) ? null : options.Reason.Trim(),
            SuggestedByUserId = actor.UserId,
            SuggestedByName = actor.Name,
            SuggestedByOrganisation = actor.OrganisationName,
            SuggestedAt = now,
        };
        db.ProfileSuggestions.Add(suggestion);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, childAccess.Child.AreaId, now, new ChildChange(AuditActions.ProfileSuggested, options.Section.Area(), $"Suggested a change to \"{options.Section.Title()}\"", new ChangeSubject.AboutMeSection(options.Section))));
        await db.SaveChangesAsync();
        return suggestion;
    }

    /// <summary>The family accepts a suggestion as it is, accepts it with their own changes, or declines it.</summary>
    public async Task<Result<ProfileSuggestion>> DecideSuggestionAsync(ChildAccess childAccess, DecideSuggestionOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.EditProfile))
        {
            return new NotAllowedForProfile();
        }

        var suggestion = await db.ProfileSuggestions.SingleOrDefaultAsync(s => s.Id == options.SuggestionId && s.ChildId == childId);
        if (suggestion is null)
        {
            return new SuggestionNotFound();
        }

        if (!childAccess.CanSee(suggestion.Section.Area()))
        {
            return new NotAllowedForProfile();
        }

        if (suggestion.Status != SuggestionStatus.Pending)
        {
            return new SuggestionAlreadyDecided();
        }

        var now = timeProvider.UtcNow();
        if (options.Decision == SuggestionDecision.Decline)
        {
            suggestion.Decline(options.DeclineReason, actor.UserId, now);
            db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, childAccess.Child.AreaId, now, new ChildChange(AuditActions.SuggestionDeclined, suggestion.Section.Area(), $"Declined {suggestion.SuggestedByName}'s suggestion for \"{suggestion.Section.Title()}\"", new ChangeSubject.AboutMeSection(suggestion.Section))));
            await db.SaveChangesAsync();
            return suggestion;
        }

        var section = await db.ProfileSections.SingleOrDefaultAsync(s => s.ChildId == childId && s.Section == suggestion.Section);
        if (section is null)
        {
            section = new ProfileSection { ChildId = childId, Section = suggestion.Section };
            db.ProfileSections.Add(section);
        }

        var withChanges = options.Decision == SuggestionDecision.AcceptWithChanges;
        var text = withChanges ? options.EditedText ?? suggestion.SuggestedText : suggestion.SuggestedText;
        var version = section.Change(text, actor.UserId, actor.Name, now, acceptedFrom: suggestion.SuggestedByName);
        if (version is not null)
        {
            db.ProfileSectionVersions.Add(version);
        }

        suggestion.Accept(withChanges, actor.UserId, now);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, childAccess.Child.AreaId, now, new ChildChange(AuditActions.SuggestionAccepted, suggestion.Section.Area(), $"Accepted {suggestion.SuggestedByName}'s suggestion for \"{suggestion.Section.Title()}\"{(withChanges ? " with changes" : "")}", new ChangeSubject.AboutMeSection(suggestion.Section))));
        var saved = await SaveOrStaleAsync(section, childId, suggestion.Section);
        return saved.Succeeded ? suggestion : saved.Error!;
    }

    /// <summary>Saves, turning a lost race with another editor into a clear error instead of a lost update.</summary>
    private async Task<Result<ProfileSection>> SaveOrStaleAsync(ProfileSection section, Guid childId, ProfileSectionKind kind)
    {
        if (await db.TrySaveAsync())
        {
            return section;
        }

        var current = await db.ProfileSections.AsNoTracking().SingleOrDefaultAsync(s => s.ChildId == childId && s.Section == kind);
        return new SectionChangedMeanwhile(current?.Text ?? "", current?.UpdatedByName, current?.UpdatedAt);
    }
}
