import { Controller, Get, Headers, Module, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { VOCABULARIES, VOCABULARY_NAMES, type VocabularyName } from '@cwp/contracts';
import { DomainError } from '../errors/domain-error';
import { answerLanguage, LANGUAGES, type Language } from '../http/accept-language';

export class LabelDto {
  @ApiProperty({ example: 'junior-college', description: 'The stable code APIs and events carry' })
  code!: string;

  @ApiProperty({ example: '大专', description: 'What to show: Chinese for zh-CN, the code in words for en' })
  label!: string;
}

export class VocabularyDto {
  @ApiProperty({ example: 'education', enum: VOCABULARY_NAMES })
  name!: string;

  @ApiProperty({ enum: LANGUAGES, example: 'zh-CN' })
  language!: Language;

  @ApiProperty({ type: [LabelDto] })
  labels!: LabelDto[];
}

export class VocabulariesDto {
  @ApiProperty({ enum: LANGUAGES, example: 'zh-CN' })
  language!: Language;

  @ApiProperty({ type: [VocabularyDto] })
  vocabularies!: VocabularyDto[];
}

const ACCEPT_LANGUAGE = {
  name: 'Accept-Language',
  required: false,
  description: 'zh-CN (or any zh) for Chinese labels; English otherwise',
};

/**
 * `GET /api/<service>/labels[/<vocabulary>]` on every service: the label of each vocabulary code
 * (education, post, title, role, source, exit cause, grade …) in the language `Accept-Language`
 * prefers. Any authenticated caller may read it; it holds no data.
 */
@ApiTags('labels')
@Controller('labels')
export class LabelsController {
  @Get()
  @ApiOperation({ summary: 'Every vocabulary with the label of each code' })
  @ApiHeader(ACCEPT_LANGUAGE)
  @ApiOkResponse({ type: VocabulariesDto })
  all(@Headers('accept-language') acceptLanguage: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): VocabulariesDto {
    const language = answerLanguage(acceptLanguage, reply);
    return { language, vocabularies: VOCABULARY_NAMES.map((name) => vocabularyIn(name, language)) };
  }

  @Get(':vocabulary')
  @ApiOperation({ summary: 'One vocabulary with the label of each code' })
  @ApiHeader(ACCEPT_LANGUAGE)
  @ApiOkResponse({ type: VocabularyDto })
  one(
    @Param('vocabulary') name: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): VocabularyDto {
    if (!(VOCABULARY_NAMES as string[]).includes(name)) throw DomainError.notFound('Vocabulary', name.slice(0, 64));
    return vocabularyIn(name as VocabularyName, answerLanguage(acceptLanguage, reply));
  }
}

function vocabularyIn(name: VocabularyName, language: Language): VocabularyDto {
  const vocabulary = VOCABULARIES[name];
  const zh = vocabulary.zh as Readonly<Record<string, string>>;
  return {
    name,
    language,
    labels: vocabulary.codes.map((code: string) => ({ code, label: language === 'zh-CN' ? zh[code]! : code.replace(/-/g, ' ') })),
  };
}

@Module({ controllers: [LabelsController] })
export class PlatformLabelsModule {}
