using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Plans;

/// <summary>Writing a plan's lines (needs, outcomes, provision) while it is a draft, with the family, or under review.</summary>
public sealed class PlanLineService(CommonGroundDbContext db, AccessService access, PlanService plans, TimeProvider timeProvider)
{
    /// <summary>Adds a line (when <paramref name="lineId"/> is null) or changes one, as of the plan version the author was looking at.</summary>
    public async Task<Result<PlanLine>> SaveLineAsync(ChildAccess childAccess, Guid planId, Guid? lineId, PlanLineKind kind, PlanLineOptions options, int version, UserActor actor)
    {
        var loaded = await plans.LoadForAuthorAsync(childAccess, planId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error!;
        }

        if (plan.Version != version)
        {
            return new PlanChangedMeanwhile();
        }

        var staged = await StageLineAsync(childAccess, plan, lineId, kind, options, actor);
        if (staged.Value is not { } line)
        {
            return staged.Error!;
        }

        return await db.TrySaveAsync() ? line : new PlanChangedMeanwhile();
    }

    /// <summary>
    /// Checks a line and adds or changes it on <paramref name="plan"/>, loaded for its author, with its audit event,
    /// without saving: a reply that takes a family's suggestion saves the line with the reply.
    /// </summary>
    public async Task<Result<PlanLine>> StageLineAsync(ChildAccess childAccess, SupportPlan plan, Guid? lineId, PlanLineKind kind, PlanLineOptions options, UserActor actor)
    {
        var line = lineId is null ? null : plan.Lines.SingleOrDefault(l => l.Id == lineId && l.Kind == kind);
        if ((lineId is not null && line is null) || (line is not null && !childAccess.CanSee(line.Part)))
        {
            return new PlanLineNotFound();
        }

        if (await ValidateAsync(childAccess, plan, kind, options) is { } error)
        {
            return error;
        }

        var provider = kind == PlanLineKind.Provision && options.ProviderId is { } providerId
            ? await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount).Include(t => t.Professional!).ThenInclude(p => p.Organisation)
                .SingleAsync(t => t.Id == providerId)
            : null;
        if (line is null)
        {
            line = new PlanLine
            {
                PlanId = plan.Id, ChildId = plan.ChildId, Kind = kind, Part = options.Part, Text = "",
                Position = plan.Lines.Where(l => l.Kind == kind).Select(l => l.Position).DefaultIfEmpty(0).Max() + 1,
            };
            db.PlanLines.Add(line);
            plan.Lines.Add(line);
        }
        else
        {
            line.Revise();
        }

        line.Part = options.Part;
        line.Text = options.Text.Trim();
        line.BroadArea = kind == PlanLineKind.Need ? options.BroadArea : null;
        line.AchieveBy = kind == PlanLineKind.Outcome ? options.AchieveBy : null;
        line.HowWeWillKnow = kind == PlanLineKind.Outcome && !string.IsNullOrWhiteSpace(options.HowWeWillKnow) ? options.HowWeWillKnow.Trim() : null;
        PlanProvisionTerms.Apply(line, options, provider);
        plan.Touch();
        db.AuditEvents.Add(PlanChanges.LineSaved(actor, plan, line, added: lineId is null, timeProvider.UtcNow()));
        return line;
    }

    public async Task<Result<PlanLine>> RemoveLineAsync(ChildAccess childAccess, Guid planId, Guid lineId, int version, UserActor actor)
    {
        var loaded = await plans.LoadForAuthorAsync(childAccess, planId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error!;
        }

        if (plan.Lines.SingleOrDefault(l => l.Id == lineId) is not { } line || !childAccess.CanSee(line.Part))
        {
            return new PlanLineNotFound();
        }

        if (plan.Version != version)
        {
            return new PlanChangedMeanwhile();
        }

        if (await db.RecommendationAnswers.Where(a => a.LineId == lineId).Join(db.AdviceRequests, a => a.RequestId, r => r.Id, (a, r) => r.AdviserName).FirstOrDefaultAsync() is { } adviser)
        {
            return new LineCarriesRecommendation(adviser);
        }

        // Answers about a removed line are kept with the versions the family saw; only the line goes.
        db.PlanLines.Remove(line);
        foreach (var other in plan.Lines.Where(l => l.Kind == PlanLineKind.Provision && l.ServesLines.Contains(lineId)))
        {
            other.Serves = string.Join(',', other.ServesLines.Where(id => id != lineId));
        }

        plan.Touch();
        db.AuditEvents.Add(PlanChanges.LineRemoved(actor, plan, line, timeProvider.UtcNow()));
        return await db.TrySaveAsync() ? line : new PlanChangedMeanwhile();
    }

    private async Task<Error?> ValidateAsync(ChildAccess childAccess, SupportPlan plan, PlanLineKind kind, PlanLineOptions options)
    {
        if (!kind.BelongsIn(plan.Kind))
        {
            return new PlanLineKindNotInPlan(kind.ToDisplayName(), plan.Rule.Name);
        }

        if (!PlanLineText.Parts.Contains(options.Part))
        {
            return new PlanPartNotInPlans();
        }

        if (kind == PlanLineKind.Placement && options.Part != RecordArea.Education)
        {
            return new PlacementIsEducation();
        }

        if (!childAccess.CanSee(options.Part))
        {
            return new PlanPartNotShared(options.Part.ToDisplayName());
        }

        if (string.IsNullOrWhiteSpace(options.Text))
        {
            return new PlanTextMissing("Text", kind switch
            {
                PlanLineKind.Need => "Describe the need",
                PlanLineKind.Outcome => "Say what will be different",
                PlanLineKind.Placement => "Name the school, college or setting, or the type of setting",
                PlanLineKind.PersonalBudget => "Say what the personal budget is for and how it is paid",
                _ => "Say what the provision is",
            });
        }

        if (options.Text.Trim().Length > PlanLine.MaxTextLength)
        {
            return new TextTooLong("Text", PlanLine.MaxTextLength);
        }

        if (options.HowWeWillKnow?.Trim().Length > PlanLine.MaxHowWeWillKnowLength)
        {
            return new TextTooLong("HowWeWillKnow", PlanLine.MaxHowWeWillKnowLength);
        }

        if (kind != PlanLineKind.Provision)
        {
            return null;
        }

        if (PlanProvisionTerms.Validate(options, timeProvider.TodayInUk()) is { } termsError)
        {
            return termsError;
        }

        if (options.Serves?.Any(id => !plan.Lines.Any(l => l.Id == id && l.Kind is PlanLineKind.Outcome or PlanLineKind.Need)) == true)
        {
            return new OutcomeNotInPlan();
        }

        if (options.ProviderId is { } providerId)
        {
            var provider = await db.TeamMembers.Where(t => t.Id == providerId && t.ChildId == plan.ChildId && t.LeftAt == null)
                .Select(t => new { t.Professional!.UserAccountId, t.Professional.UserAccount!.DisplayName }).SingleOrDefaultAsync();
            if (provider is null)
            {
                return new ProviderNotOnTeam();
            }

            if (await access.GetAsync(plan.ChildId, provider.UserAccountId) is not { } providerAccess
                || !providerAccess.CanSeeCommitment(options.Part.ToCommitmentArea()))
            {
                return new ProviderCannotSeePart(provider.DisplayName, options.Part.ToDisplayName());
            }
        }

        return null;
    }
}
