using CommonGround.Core.Access;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory;

/// <summary>A page about one statutory process on a child's record: 404 when the process is not the child's.</summary>
public abstract class StatutoryPageBase(StatutoryService statutory, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public StatutoryProcess Process { get; private set; } = default!;

    protected StatutoryService Statutory => statutory;

    /// <summary>Loads the process once the page's declared access is checked; returns the result to show instead, or null.</summary>
    protected async Task<IActionResult?> LoadProcessAsync(Guid childId, Guid processId)
    {
        if (await statutory.FindAsync(childId, processId) is not { } process)
        {
            return NotFound();
        }

        Process = process;
        return null;
    }

    public static IReadOnlyList<Option> ProcessKinds { get; } = Enum.GetValues<StatutoryProcessKind>()
        .Select(k => new Option(k.ToString(), k.Text(), k.Hint())).ToList();

    public static IReadOnlyList<Option> Transfers { get; } = StatutoryTerms.Transfers.Select(t => new Option(t.Value, t.Text)).ToList();

    public static IReadOnlyList<Option> Orders { get; } = StatutoryTerms.TribunalOrders.Select(t => new Option(t.Value, t.Text)).ToList();

    public static IReadOnlyList<Option> Decisions { get; } = StatutoryTerms.ReviewDecisions.Select(t => new Option(t.Value, t.Text)).ToList();

    public static IReadOnlyList<Option> EventsOf(StatutoryProcessKind kind) => kind.Recordable()
        .Select(k => new Option(k.ToString(), k.Term().Text, k.Term().EndLabel is { } end ? $"Give the first day and the {end.ToLowerInvariant()}" : k.Term().DetailLabel)).ToList();
}
