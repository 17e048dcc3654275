using System.ComponentModel.DataAnnotations;
using CommonGround.Core;
using CommonGround.Core.Children;
using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>The family or anyone on the team raises a concern; it goes to the key worker unless they choose an organisation.</summary>
[ChildPage(Capability.RaiseConcern, RecordArea.Concerns)]
public sealed class NewModel(ConcernService concerns, Core.Commitments.CommitmentService commitments, LanguageAdvice advice, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> Topics { get; private set; } = [];
    public IReadOnlyList<Option> Owners { get; private set; } = [];
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    /// <summary>The commitment the concern is about, when raised from one: its owner answers it.</summary>
    [FromQuery(Name = "commitment")]
    public Guid? CommitmentId { get; set; }

    public Core.Commitments.Commitment? Commitment { get; private set; }

    public static IReadOnlyList<Option> Urgencies { get; } =
    [
        new(nameof(ConcernUrgency.Standard), "Not urgent", "It will be acknowledged within 2 working days and answered in full within 10, unless the organisation has set its own times."),
        new(nameof(ConcernUrgency.Urgent), "Urgent", "It will be acknowledged within 1 working day. If a child is in danger now, call 999 or the council's children's services instead."),
    ];

    public sealed class InputModel
    {
        [Display(Name = "What is your concern about?")]
        [Required(ErrorMessage = "Enter what the concern is about")]
        [StringLength(Concern.MaxTopicLength, ErrorMessage = "What the concern is about must be 120 characters or fewer")]
        public string? Topic { get; set; }

        [Display(Name = "Which part of the record is it about?")]
        [Required(ErrorMessage = "Choose which part of the record it is about")]
        public RecordArea? About { get; set; }

        [Display(Name = "What is happening?")]
        [Required(ErrorMessage = "Enter what is happening")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "What is happening must be 4,000 characters or fewer")]
        public string? WhatIsHappening { get; set; }

        [Display(Name = "What would you like to happen? (optional)")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "What you would like to happen must be 4,000 characters or fewer")]
        public string? WhatWouldHelp { get; set; }

        [Display(Name = "How urgent is it?")]
        [Required(ErrorMessage = "Choose how urgent it is")]
        public ConcernUrgency? Urgency { get; set; }

        [Display(Name = "Who should answer it?")]
        public string? Owner { get; set; }

        public bool SaveAnyway { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (await LoadAsync(childId) is { } refused)
        {
            return refused;
        }

        await LoadOwnersAsync(childId);
        Input = new InputModel
        {
            Urgency = ConcernUrgency.Standard,
            Owner = Owners.FirstOrDefault()?.Value,
            Topic = Commitment is { } commitment ? $"About \"{commitment.What}\"".ShortenTo(Concern.MaxTopicLength) : null,
            About = Commitment?.RecordArea.ToRecordArea() is { } area && area != RecordArea.Commitments ? area : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (await LoadAsync(childId) is { } refused)
        {
            return refused;
        }

        if (Commitment is null && string.IsNullOrWhiteSpace(Input.Owner))
        {
            ModelState.AddModelError("Input.Owner", "Choose who should answer the concern");
        }

        if (!ModelState.IsValid)
        {
            return await ShownAgainAsync(childId, Invalid());
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway,
            new WrittenField("Input.WhatIsHappening", "What is happening", Input.WhatIsHappening),
            new WrittenField("Input.WhatWouldHelp", "What you would like to happen", Input.WhatWouldHelp));
        if (Advice.Count > 0)
        {
            return await ShownAgainAsync(childId, Page());
        }

        var result = await concerns.RaiseAsync(
            Access,
            new RaiseConcernOptions(Input.Topic, Input.About, Input.WhatIsHappening, Input.WhatWouldHelp, Input.Urgency!.Value, Input.Owner, Commitment?.Id), actor);
        if (!result.Succeeded)
        {
            return await ShownAgainAsync(childId, Invalid(result.Error!));
        }

        var concern = result.Value!;
        Confirm("Concern raised",
            $"{concern.OwnerName ?? concern.OwnerOrganisationName} has been told. It should be acknowledged by {UkDates.DayAndDate(concern.AcknowledgeBy)} and answered in full by {UkDates.DayAndDate(concern.RespondBy)}.");
        return Redirect(ChildLinks.Concern(childId, concern.Id));
    }

    private async Task<IActionResult?> LoadAsync(Guid childId)
    {
        if (CommitmentId is { } id)
        {
            if (await commitments.FindAsync(Access, id) is not { } commitment)
            {
                return NotFound();
            }

            Commitment = commitment;
        }

        Topics = ConcernService.Topics.Where(Access.CanSee).Select(a => new Option(a.ToString(), a.ToDisplayName())).ToList();
        return null;
    }

    // Who the concern can go to is read only when the form is shown: a concern that is raised does not need the list.
    private async Task LoadOwnersAsync(Guid childId) =>
        Owners = (await concerns.OwnerChoicesAsync(childId)).Select(c => new Option(c.Value, c.Label, c.Hint)).ToList();

    private async Task<IActionResult> ShownAgainAsync(Guid childId, IActionResult shown)
    {
        await LoadOwnersAsync(childId);
        return shown;
    }
}
