-- A published version is an immutable snapshot: refuse every UPDATE and DELETE of tours_versions,
-- whoever asks (the app role and the owner alike).
CREATE FUNCTION tours_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tours_versions rows are frozen once published (tour %, version %)', OLD.tour_id, OLD.version
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER tours_versions_frozen BEFORE UPDATE OR DELETE ON tours_versions
  FOR EACH ROW EXECUTE FUNCTION tours_versions_frozen();
