using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Documents;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Advice;

/// <summary>The family gives their own advice, unasked, on the same terms and with the same visibility as anyone's.</summary>
public sealed class FamilyModel(AdviceService advice, DocumentService documents, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> Parts { get; private set; } = [];
    public IReadOnlyList<Option> Reports { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Which part of the record is it about?")]
        [Required(ErrorMessage = "Choose Education, Health or Social care")]
        public RecordArea? Part { get; set; }

        [Display(Name = "What is it about? (optional)")]
        [StringLength(AdviceRequest.MaxAboutLength, ErrorMessage = "This must be 1,000 characters or fewer")]
        public string? About { get; set; }

        [Display(Name = "Your advice")]
        [Required(ErrorMessage = "Write your advice, or attach your report and summarise it here")]
        [StringLength(AdviceRequest.MaxAdviceLength, ErrorMessage = "Your advice must be 8,000 characters or fewer: attach the full report")]
        public string? Advice { get; set; }

        [Display(Name = "A report you hold (optional)")]
        public Guid? DocumentId { get; set; }

        [Display(Name = "What you recommend, one on each line (optional)")]
        public string? Recommendations { get; set; }
    }

    [ChildPage(Capability.RespondToPlan)]
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    [ChildPage(Capability.RespondToPlan)]
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var recommendations = (Input.Recommendations ?? "").Split('\n');
        var result = await advice.GiveFamilyAdviceAsync(Access,
            new FamilyAdviceOptions(Input.Part, Input.About, new GiveAdviceOptions(Input.Advice, Input.DocumentId, recommendations)), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Your advice is kept with the record", "Everyone shared this part of the record sees it, and each thing you recommend is answered when the plan is written or reviewed.");
        return Redirect(CommonGround.Core.Children.ChildLinks.AdviceRequest(Access.Child.Id, result.Value!.Id));
    }

    private async Task LoadAsync()
    {
        Parts = AdviceService.Parts.Where(Access.CanSee).Select(p => new Option(p.ToString(), p.ToDisplayName())).ToList();
        Reports = (await documents.ListAsync(Access)).Where(d => !d.IsRemoved && AdviceService.Parts.Contains(d.Part))
            .Select(d => new Option(d.Id.ToString(), $"{d.Title} ({d.Part.ToDisplayName()})")).ToList();
        DescribeRead(null, "Give your own advice");
    }
}
