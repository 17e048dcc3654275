using CommonGround.Core.Audit;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Organisations;

public sealed record AddTermDateOptions(Guid OrganisationId, string Name, DateOnly StartDate, DateOnly EndDate);

/// <summary>An organisation's terms, set by its admins; term-time provision it owns is owed only inside them.</summary>
public sealed class TermDateService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public Task<List<TermDate>> ListAsync(Guid organisationId) =>
        db.TermDates.Where(t => t.OrganisationId == organisationId).OrderBy(t => t.StartDate).ToListAsync();

    public async Task<Result<TermDate>> AddAsync(AddTermDateOptions options, UserActor actor)
    {
        var name = options.Name?.Trim() ?? "";
        Error? error = name switch
        {
            "" => new TermNameMissing(),
            { Length: > TermDate.MaxNameLength } => new TermNameTooLong(),
            _ when options.EndDate < options.StartDate => new TermEndBeforeStart(),
            _ when options.EndDate > options.StartDate.AddMonths(6) => new TermTooLong(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var overlapping = await db.TermDates.FirstOrDefaultAsync(t => t.OrganisationId == options.OrganisationId && t.StartDate <= options.EndDate && options.StartDate <= t.EndDate);
        if (overlapping is not null)
        {
            return new TermOverlaps(overlapping.Name);
        }

        var now = timeProvider.UtcNow();
        var term = new TermDate { OrganisationId = options.OrganisationId, Name = name, StartDate = options.StartDate, EndDate = options.EndDate, CreatedAt = now };
        db.TermDates.Add(term);
        db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.TermDateAdded, "Organisation", options.OrganisationId,
            $"Added {name}: {options.StartDate:yyyy-MM-dd} to {options.EndDate:yyyy-MM-dd}"));
        await SaveWithTermTimeProvisionAsync(options.OrganisationId);
        return term;
    }

    /// <summary>Removes a term; the audit event keeps its dates, so it can be put back.</summary>
    public async Task<Result<TermDate>> RemoveAsync(Guid organisationId, Guid termId, UserActor actor)
    {
        var term = await db.TermDates.SingleOrDefaultAsync(t => t.Id == termId && t.OrganisationId == organisationId);
        if (term is null)
        {
            return new TermNotFound();
        }

        var now = timeProvider.UtcNow();
        db.TermDates.Remove(term);
        db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.TermDateRemoved, "Organisation", organisationId,
            $"Removed {term.Name}: {term.StartDate:yyyy-MM-dd} to {term.EndDate:yyyy-MM-dd}"));
        await SaveWithTermTimeProvisionAsync(organisationId);
        return term;
    }

    /// <summary>Saves a change of terms together with when the organisation's open term-time provision falls behind, which the terms move.</summary>
    private async Task SaveWithTermTimeProvisionAsync(Guid organisationId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await FirstDaysBehind.KeepAsync(db, db.Commitments.Where(c => c.OwnerOrganisationId == organisationId && c.TermTimeOnly
            && (c.Status == CommitmentStatus.Proposed || c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active)));
        await transaction.CommitAsync();
    }
}
