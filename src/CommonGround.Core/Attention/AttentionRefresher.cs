using CommonGround.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Core.Attention;

/// <summary>
/// Brings children's early warnings up to date after changes to their records, the changes saved at the same moment
/// together. Each change hands over its children and waits until their signals are refreshed, so a person who changes
/// a record and then opens a list sees it as it now stands; but working out the signals reads a dozen tables whatever
/// the number of children, so a busy morning's changes share one refresh instead of each making its own.
/// </summary>
public sealed class AttentionRefresher(IServiceScopeFactory scopes) : WorkDoneTogether<AttentionRefresher.Change>(MostChangesAtOnce)
{
    /// <summary>The most changes whose children are refreshed together.</summary>
    public const int MostChangesAtOnce = 200;

    /// <summary>
    /// One change's children, the groups of rules whose signals it can move, and, for a change that can move only some
    /// concerns' clocks, those concerns (null: every open concern of the children, if the groups include concerns).
    /// </summary>
    public sealed record Change(IReadOnlyCollection<Guid> ChildIds, AttentionRules Rules, IReadOnlyCollection<Guid>? OnlyConcerns = null);

    /// <summary>
    /// Returns once these children's signals of <paramref name="rules"/> (of the concern clocks, those of
    /// <paramref name="onlyConcerns"/> when given) have been worked out again from records read after this call; throws
    /// if they could not be saved (see <see cref="AttentionSignals.RefreshAfterChangeAsync(Guid, CancellationToken)"/>).
    /// </summary>
    public Task RefreshAsync(IReadOnlyCollection<Guid> childIds, AttentionRules rules, IReadOnlyCollection<Guid>? onlyConcerns, CancellationToken cancellationToken) =>
        DoTogetherAsync(new Change(childIds, rules, onlyConcerns), cancellationToken);

    /// <summary>
    /// What a round works out: every group any of the changes asked for, for all their children, more than each asked and
    /// never less; and only the named concerns' clocks unless a change asking for concern rules named none.
    /// </summary>
    public static Change Together(IReadOnlyList<Change> parts)
    {
        var rules = parts.Aggregate(AttentionRules.None, (all, part) => all | part.Rules);
        var asking = parts.Where(p => (p.Rules & AttentionRules.Concerns) != 0).ToList();
        var onlyConcerns = asking.Count == 0 || asking.Any(p => p.OnlyConcerns is null) ? null : asking.SelectMany(p => p.OnlyConcerns!).ToHashSet();
        return new Change(parts.SelectMany(p => p.ChildIds).ToHashSet(), rules, onlyConcerns);
    }

    protected override async Task DoAsync(IReadOnlyList<Change> parts)
    {
        await using var scope = scopes.CreateAsyncScope();
        var round = Together(parts);
        await scope.ServiceProvider.GetRequiredService<AttentionSignals>().RefreshAsync(round.ChildIds, round.Rules, round.OnlyConcerns, CancellationToken.None);
    }
}
