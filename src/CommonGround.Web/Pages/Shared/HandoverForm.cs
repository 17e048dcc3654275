using CommonGround.Core;
using CommonGround.Core.Team;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommonGround.Web.Pages.Shared;

/// <summary>Who takes what a leaver owns: one person for everything, or one choice per thing (by its id).</summary>
public sealed class HandoverInput
{
    public string? Everyone { get; set; }
    public Dictionary<Guid, string> Choices { get; set; } = [];
}

/// <summary>What the hand-over part of a leaving page shows: the leaver's open work, child by child, and who can take it.</summary>
public sealed record HandoverForm(string LeaverName, string OrganisationName, IReadOnlyList<OpenItem> Items, IReadOnlyList<Successor> Successors, HandoverInput Input, bool ForOneChild)
{
    /// <summary>Nobody can take something only a person can take, so the leaving cannot go ahead yet.</summary>
    public bool NobodyToTakeIt => Successors.Count == 0 && Items.Any(i => !i.OrganisationMayTake);

    /// <summary>Puts each thing left without an owner next to its choice, so the summary links to it.</summary>
    public static void AddProblems(ModelStateDictionary modelState, Error error)
    {
        foreach (var problem in error is HandoverIncomplete incomplete ? incomplete.Problems : [error])
        {
            modelState.AddModelError(problem.Field is null ? string.Empty : $"Input.{problem.Field}", problem.Message);
        }
    }

    /// <summary>How the choice that needs no person reads for a thing, or null when a person must take it.</summary>
    public string? NobodyLabel(OpenItem item) => !item.OrganisationMayTake ? null : item.Kind switch
    {
        HandoverKind.KeyWorker => "Nobody yet: a team lead stands in, or the family chooses",
        _ => $"{OrganisationName}'s leads choose who answers",
    };
}
