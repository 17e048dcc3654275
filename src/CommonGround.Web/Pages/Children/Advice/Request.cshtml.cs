using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Documents;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Advice;

/// <summary>
/// One request for advice: what was asked, of whom and by when; then the advice, its report and its recommendations.
/// The person asked gives it here, attaching a report already kept in the child's documents.
/// </summary>
public sealed class RequestModel(AdviceService advice, RecommendationService recommendations, DocumentService documents, LanguageAdvice language, CommonGround.Core.DataRights.CorrectionService corrections, CommonGround.Core.Data.CommonGroundDbContext db, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public Shared.CorrectionsShown Corrections { get; private set; } = Shared.CorrectionsShown.None;

    public AdviceRequest Asked { get; private set; } = default!;
    public Document? Report { get; private set; }
    public bool Gives { get; private set; }

    /// <summary>The person asked, or the local authority, may record a missed appointment for EHC advice not yet given.</summary>
    public bool MayRecordMissedAppointment { get; private set; }
    public IReadOnlyList<Option> Reports { get; private set; } = [];

    /// <summary>What the child's plans do with each recommendation.</summary>
    public IReadOnlyList<RecommendationOutcome> Outcomes { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Display(Name = "Your advice")]
        [Required(ErrorMessage = "Write your advice, or attach your report and summarise it here")]
        [StringLength(AdviceRequest.MaxAdviceLength, ErrorMessage = "Your advice must be 8,000 characters or fewer: attach the full report")]
        public string? Advice { get; set; }

        [Display(Name = "Your report (optional)")]
        public Guid? DocumentId { get; set; }

        [Display(Name = "Your recommendations, one on each line")]
        public string? Recommendations { get; set; }

        public int Version { get; set; }
    }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid requestId)
    {
        if (await LoadAsync(requestId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Asked.Version };
        return Page();
    }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnPostAsync(Guid requestId)
    {
        if (await LoadAsync(requestId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Advice = await language.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.Advice", "Your advice", Input.Advice), new WrittenField("Input.Recommendations", "Recommendations", Input.Recommendations));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var recommendations = (Input.Recommendations ?? "").Split('\n');
        var result = await advice.GiveAsync(Access, requestId, Input.Version, new GiveAdviceOptions(Input.Advice, Input.DocumentId, recommendations), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Thank you, your advice is given", $"{result.Value!.AskedByName} has been told. Each recommendation will be answered when the plan is written or reviewed.");
        return Redirect(CommonGround.Core.Children.ChildLinks.AdviceRequest(Access.Child.Id, requestId));
    }

    private async Task<IActionResult?> LoadAsync(Guid requestId)
    {
        if (await advice.GetAsync(Access, requestId) is not { } request)
        {
            return NotFound();
        }

        Asked = request;
        Report = request.DocumentId is { } documentId ? await documents.GetAsync(Access, documentId) : null;
        Outcomes = await recommendations.OutcomesAsync(Access, request);
        Gives = await AdviceService.MayGiveAsync(db, Access, request, CurrentUser.UserId);
        MayRecordMissedAppointment = request is { Status: AdviceStatus.Asked, ProcessId: not null, AppointmentMissedOn: null }
            && (Gives || MissedAppointmentService.MayRecordForTheCouncil(Access));
        if (Gives)
        {
            Reports = (await documents.ListAsync(Access)).Where(d => !d.IsRemoved && d.Part == request.Part)
                .Select(d => new Option(d.Id.ToString(), $"{d.Title} (added {CommonGround.Core.Time.UkDates.Date(d.AddedAt)})")).ToList();
        }

        Corrections = new Shared.CorrectionsShown(Access.Child.Id, await corrections.LatestForAsync(Access.Child.Id, [request.Id]), Access.IsFamily && !request.ByFamily);
        DescribeRead(request.Part, $"Advice from {request.AdviserName}");
        return null;
    }
}
