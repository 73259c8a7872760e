/**
 * Hands the validator the schemas' validators compiled at build time: the page's
 * Content-Security-Policy forbids compiling them here (build/schema-validators.ts). Imported for
 * its effect by curate mode, the one part of the page that validates.
 */
import * as compiled from "virtual:schema-validators";
import { useCompiledValidators } from "../../model/validate/schema.ts";

useCompiledValidators(compiled);
