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

    /// <summary>One change's children, and the groups of rules whose signals it can move.</summary>
    public sealed record Change(IReadOnlyCollection<Guid> ChildIds, AttentionRules Rules);

    /// <summary>
    /// Returns once these children's signals of <paramref name="rules"/> have been worked out again from records read
    /// after this call; throws if they could not be saved (see <see cref="AttentionSignals.RefreshAfterChangeAsync(Guid, CancellationToken)"/>).
    /// </summary>
    public Task RefreshAsync(IReadOnlyCollection<Guid> childIds, AttentionRules rules, CancellationToken cancellationToken) =>
        DoTogetherAsync(new Change(childIds, rules), cancellationToken);

    /// <summary>Every group any of the changes asked for, for all their children: more than each asked, never less.</summary>
    protected override async Task DoAsync(IReadOnlyList<Change> parts)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rules = parts.Aggregate(AttentionRules.None, (all, part) => all | part.Rules);
        await scope.ServiceProvider.GetRequiredService<AttentionSignals>().RefreshAsync(parts.SelectMany(p => p.ChildIds).ToHashSet(), rules, CancellationToken.None);
    }
}
