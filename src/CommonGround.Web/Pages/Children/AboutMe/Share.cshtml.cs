using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Profiles;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>The family makes, and stops, time-limited links to the one-page profile.</summary>
public sealed class ShareModel(ShareLinkService shareLinks, CurrentUser currentUser, TimeProvider timeProvider)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ProfileShareLink> Links { get; private set; } = [];
    public DateTime Now => timeProvider.UtcNow();
    public string? NewLink { get; private set; }
    public DateTime? NewLinkStops { get; private set; }
    public string? NewLabel { get; private set; }

    public IReadOnlyList<Option> DayOptions { get; } =
    [
        new("1", "1 day"),
        new("7", "7 days"),
        new("30", "30 days"),
    ];

    public IReadOnlyList<Option> IncludeOptions { get; } =
    [
        new(nameof(RecordArea.Health), "Health and medical needs"),
        new(nameof(RecordArea.Transport), "Getting to school and transport needs"),
    ];

    public sealed class InputModel
    {
        [Display(Name = "Who is the link for?")]
        [Required(ErrorMessage = "Enter who the link is for")]
        [StringLength(ProfileShareLink.MaxLabelLength, ErrorMessage = "Who the link is for must be 100 characters or fewer")]
        [PlainText(ErrorMessage = "Who the link is for must not include web page code, such as <script>. Remove anything written between < and >")]
        public string? Label { get; set; }

        [Display(Name = "How long should the link work?")]
        [Required(ErrorMessage = "Choose how long the link should work")]
        public int? Days { get; set; }

        [Display(Name = "Also include")]
        public List<RecordArea> Include { get; set; } = [];
    }

    [ChildPage(Capability.ManageConsent)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        Links = await shareLinks.ListAsync(childId);
        return Page();
    }

    [ChildPage(Capability.ManageConsent)]
    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (!ModelState.IsValid)
        {
            Links = await shareLinks.ListAsync(childId);
            return Invalid();
        }

        var result = await shareLinks.CreateAsync(Access, new CreateShareLinkOptions(Input.Label!, Input.Days!.Value, Input.Include), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            Links = await shareLinks.ListAsync(childId);
            return Invalid(result.Error!);
        }

        // The token is shown once, here, and never stored.
        NewLink = AbsoluteUrl("/SharedProfile/Index", new { token = result.Value.Token });
        NewLabel = result.Value.Link.Label;
        NewLinkStops = result.Value.Link.ExpiresAt;
        return Page();
    }
}
