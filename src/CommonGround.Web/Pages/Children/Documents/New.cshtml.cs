using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Documents;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Documents;

/// <summary>
/// Adding a report or letter. A file is checked by what it is, not by its name, and is kept with its record in one
/// save or not at all. The request may be a little over the stated limit, so a file just too big gets a clear message.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class NewModel(DocumentService documents, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    private const long RequestLimit = DocumentTypes.MaxBytes + (2 * 1024 * 1024);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> Parts { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "What is it?")]
        [Required(ErrorMessage = "Say what the document is")]
        [StringLength(Document.MaxTitleLength, ErrorMessage = "The title must be 200 characters or fewer")]
        public string? Title { get; set; }

        [Display(Name = "Which part of the record does it belong to?")]
        [Required(ErrorMessage = "Choose which part of the record it belongs to")]
        public RecordArea? Part { get; set; }

        [Display(Name = "The file")]
        [Required(ErrorMessage = "Select a file")]
        public IFormFile? File { get; set; }
    }

    [ChildPage(Capability.AddDocument)]
    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    [ChildPage(Capability.AddDocument)]
    public async Task<IActionResult> OnPostAsync()
    {
        Load();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        if (Input.File!.Length > DocumentTypes.MaxBytes)
        {
            return Invalid(new DocumentTooLarge());
        }

        using var memory = new MemoryStream();
        await Input.File.CopyToAsync(memory);
        var result = await documents.AddAsync(Access, new AddDocumentOptions(Input.Part, Input.Title, Input.File.FileName, memory.ToArray()), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Document added", $"\"{result.Value!.Title}\" is kept with {Access.Child.KnownAs}'s record, in the {result.Value.Part.ToDisplayName()} part.");
        return Redirect(CommonGround.Core.Children.ChildLinks.Documents(Access.Child.Id));
    }

    private void Load() =>
        Parts = DocumentService.PartsFor(Access).Select(p => new Option(p.ToString(), p.ToDisplayName())).ToList();
}
