using CommonGround.Core.Plans;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>What one line of a plan needs to show itself: the plan as the person sees it, and whether they write it.</summary>
public sealed record PlanLineModel(PlanView View, PlanLine Line, bool Writes, Guid ChildId)
{
    public PlanResponse? Answer => View.AnswerTo(Line);

    /// <summary>The family's newest suggestion that the author did not take, with the author's reason.</summary>
    public PlanResponse? Kept => View.HistoryOf(Line).FirstOrDefault(r => r.Accepted == false);

    /// <summary>The family's suggestion the line now reads as, if it does.</summary>
    public PlanResponse? Taken => View.HistoryOf(Line).FirstOrDefault(r => r.Accepted == true && r.AcceptedRevision == Line.Revision);

    /// <summary>The outcomes the provision works towards, as the person sees them.</summary>
    public IReadOnlyList<string> Serves => Served(PlanLineKind.Outcome);

    /// <summary>The needs the provision meets, as the person sees them.</summary>
    public IReadOnlyList<string> Meets => Served(PlanLineKind.Need);

    private List<string> Served(PlanLineKind kind) => Line.ServesLines
        .Select(id => View.Lines.FirstOrDefault(l => l.Id == id && l.Kind == kind)?.Text)
        .OfType<string>().ToList();
}
