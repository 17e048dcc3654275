using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>Every version of a plan the family was shown or agreed, each with what changed from the one before, word by word.</summary>
public sealed class VersionsModel(PlanService plans, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public SupportPlan Plan { get; private set; } = default!;
    public IReadOnlyList<(PlanVersion Version, IReadOnlyList<DiffPart> Changes)> Versions { get; private set; } = [];

    /// <summary>One version as a Word document, laid out in the sections its kind is read in; lines only in the parts the person sees.</summary>
    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetDocxAsync(Guid planId, int number, PlanVersionStage stage)
    {
        if (await plans.GetAsync(Access, planId) is not { } view
            || (await plans.ListVersionsAsync(planId)).FirstOrDefault(v => v.Number == number && v.Stage == stage) is not { } version)
        {
            return NotFound();
        }

        var child = Access.Child;
        var content = PlanContent.FromJson(version.Content);
        var sections = PlanSections.For(view.Plan.Kind, child.KnownAs)
            .Select(section => (section.Heading, (IReadOnlyList<string>)content.Lines
                .Where(l => l.Kind == section.Kind && section.Parts.Contains(l.Part) && Access.CanSee(l.Part))
                .Select(l => l.Detail is null ? l.Text : $"{l.Text}\n{l.Detail}").DefaultIfEmpty(section.Empty).ToList()))
            .ToList();
        if (await plans.AdviceAsync(Access, view.Plan, version.At) is { } advice)
        {
            sections.Add(("Section K: Advice and information", advice.Select(a => a.AsText()).DefaultIfEmpty("No advice had been recorded as received.").ToList()));
        }

        var introduction = new List<string>
        {
            $"{child.FullName}, born {UkDates.Date(child.DateOfBirth)}",
            $"Version {version.Number}, {(version.Stage == PlanVersionStage.Agreed ? view.Plan.AgreedWord() : "shared with the family")} on {UkDates.Date(version.At)}. Written by {view.Plan.OrganisationName}.",
            $"{PlanSections.FamilyHeading(view.Plan.Kind, child.KnownAs)}: in About me, kept with the record{(view.Plan.AboutMeVersions is { Length: > 0 } ? " (the plan was agreed with the versions shown on the plan's page)" : "")}.",
        };
        DescribeRead(null, $"{view.Plan.Rule.Name}: version {number} downloaded");
        return File(WordDocument.Write($"{child.KnownAs}'s {view.Plan.Rule.Name}", introduction, sections), WordDocument.ContentType,
            $"{child.KnownAs}-{child.LastName}-{view.Plan.Rule.Name.Replace(' ', '-')}-version-{number}.docx");
    }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        if (await plans.GetAsync(Access, planId) is not { } view)
        {
            return NotFound();
        }

        Plan = view.Plan;
        var before = "";
        var versions = new List<(PlanVersion, IReadOnlyList<DiffPart>)>();
        foreach (var version in await plans.ListVersionsAsync(planId))
        {
            var text = PlanContent.FromJson(version.Content).AsText(Access.CanSee);
            versions.Add((version, TextDiff.Words(before, text)));
            before = text;
        }

        versions.Reverse();
        Versions = versions;
        DescribeRead(null, $"{view.Plan.Rule.Name}: versions");
        return Page();
    }
}
