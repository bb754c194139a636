/**
 * One area's translations: English template (exactly as the code writes it, `${…}` → {0}, {1}, … in
 * order) → Korean template (same placeholders, any order). Korean follows the vocabulary of the lab guide
 * students read (네임스페이스, 인그레스 컨트롤러, 파드, 시크릿, 컨테이너 이미지, 레지스트리, 매니페스트);
 * commands, flags, file names and Kubernetes kinds stay as they are typed.
 */
export interface Section {
  area: string;
  entries: Readonly<Record<string, string>>;
}
