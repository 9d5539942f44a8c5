export const USAGE = `Usage: progress-desk [--db FILE|URL] [--as NAME] [--debug] COMMAND [OPTIONS]

Commands:
  demo                                   load the demonstration dataset into an empty database
  organisations import FILE.csv          add or update organisations (name,category,aliases,email_domains)
  recommendations import FILE.csv [--report TITLE]
                                         add or update recommendations (number,title,text,addressees,theme)
  organisations add --name N --group G [--alias A]... [--domain D]...
                                         add an organisation (a group named as people write it, e.g.
                                         "Policing", finds its group; an unknown one becomes a group)
  organisations update --id ID [--name N] [--group G] [--add-alias A]... [--add-domain D]...
                                         edit an organisation
  organisations merge --from ID --into ID
                                         move an organisation's letters, addressee roles, aliases and
                                         domains to another; its name is kept as an alias there
  organisations list [--json]            the register (--json: [{"id","name","group","aliases",
                                         "emailDomains","addressFragments","letterCount"}])
  recommendations add --number N --title T --text X [--addressee NAME]...
                                         add a recommendation (to the only report)
  recommendations update --number N [--title T] [--text X] [--add-addressee NAME]...
                                         edit a recommendation
  groups list [--json]                   the stakeholder groups in the summary's order, without those
                                         with no organisations (--json: [{"name","organisations"}],
                                         organisations being the names, alphabetically)
  import PATH... [--json]                import letters from files or folders (recursive)
  letters list [--json]                  list the letters
  letters delete --letter ID             move a letter (and the letters attached to it) to the bin
  letters restore --letter ID            bring a letter back from the bin, with everything it had
  letters bin [--json]                   the letters in the bin (--json: [{"id","organisation","date",
                                         "subject","fileName","direction","deletedAt","deletedBy",
                                         "parentLetterId","passages","links"}])
  letters purge --letter ID              remove a letter in the bin and its original for good
  letters original --letter ID --out FOLDER
                                         save a letter's original into FOLDER, named as the app opens it
                                         (the extension is the format found in its bytes); prints the path
  export --out FILE.docx [--cycle NAME] [--allow-empty] [--overwrite] [--no-annex] [--groups "A;B;C"]
                                         export the progress summary (default: the latest cycle) to
                                         Word; refuses (exit 1) when nothing in the cycle is assessed
                                         unless --allow-empty, and an existing FILE unless --overwrite;
                                         --out FOLDER saves "Progress summary - CYCLE.docx" in it,
                                         or "… (2).docx" when that name is taken
  groups preamble --group NAME --cycle NAME [--text TEXT]
                                         set a group's framing paragraph for a cycle (*emphasis*, a
                                         blank line between paragraphs; --text "" removes it); shows
                                         it without --text
  summary settings [--introduction TEXT] [--title TEXT] [--annex on|off] [--json]
                                         show or set the export settings (--json: the whole settings)
  check                                  check the database and the stored originals
  suggest --letter ID [--json] [--limit N]
                                         recommendations the letter most likely addresses, best first
                                         (the confident ones, at most N, default 3)
                                         (--json: [{"recommendation","score","passage","why"}])
  link --letter ID --recommendation NUMBER [--quote TEXT] [--note TEXT]
                                         link a letter (or the quoted words of it) to a recommendation
  assess --recommendation NUMBER --cycle NAME [--json]
                                         show a recommendation's assessment in a cycle
                                         (--json: {"status","narrative","version","updatedBy","updatedAt"})
  assess --recommendation NUMBER --cycle NAME --status STATUS [--narrative TEXT] [--if-version V] [--json]
                                         set a recommendation's status (and narrative) in a cycle;
                                         with --if-version, refused (exit 1) if someone changed it since V
  search QUERY [--json] [--limit N]      search the letters ("phrases", prefix*, OR, -exclusion)
                                         (--json: [{"letterId","organisation","date","subject","snippet","score"}])
  backup FILE                            write a consistent copy of the database to FILE
  restore FILE                           replace the database with a backup (the current file is kept aside)
  watch [--json]                         print each committed change, from any desktop, until Ctrl+C
                                         (--json: one line per kind of item changed:
                                         {"kind","ids","actor","at"})
  migrate --to URL [--json]              copy the --db archive file into an empty team database in one
                                         transaction; prints each table's count, exit 1 on any mismatch

Options:
  --db FILE|URL  the database: a file, or a team database's URL
               postgres://USER[:PASSWORD]@HOST:PORT/DATABASE[?sslmode=require]
               (default: $PROGRESS_DESK_DB, else the desktop app's file)
  --as NAME    the person acting, named in the history (default: $PROGRESS_DESK_ACTOR, else your
               user name on this computer)
  --debug      show full error details
`

export class UsageError extends Error {}
